"""An article id names one article in a store: record ids become unique. Stores made before this revision
may hold two articles with one id (two saved `index.html` pages): the later ones get a suffix from their
text hash, and their events' ids follow.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT a.id, a.record_id, a.text_hash FROM articles a WHERE EXISTS (SELECT 1 FROM articles b "
        "WHERE b.record_id = a.record_id AND b.id < a.id) ORDER BY a.id")).all()
    for article_id, record_id, digest in rows:
        new_id = f"{record_id}~{digest[:8]}"
        conn.execute(sa.text("UPDATE articles SET record_id = :new WHERE id = :id"), {"new": new_id, "id": article_id})
        conn.execute(sa.text("UPDATE events SET event_id = CAST(:new AS TEXT) || substr(event_id, :n) "
                             "WHERE article_id = :id"), {"new": new_id, "n": len(record_id) + 1, "id": article_id})
    op.create_index("ix_articles_record_id", "articles", ["record_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_articles_record_id", table_name="articles")

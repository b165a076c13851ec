"""themes remember whether an admin customised them

Revision ID: 0009_theme_customised
Revises: 0008_summary_phrase
Create Date: 2026-11-26 11:49:07.987221

"""
from datetime import datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_theme_customised'
down_revision = '0008_summary_phrase'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('customised_at', sa.DateTime(), nullable=True))

    # Themes changed after the defaults were first stored (all within a few seconds) count as
    # customised, so an upgrade never overwrites an admin's edit.
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, updated_at FROM theme")).all()
    if rows:
        first = min(_as_datetime(updated) for _id, updated in rows)
        for theme_id, updated in rows:
            if (_as_datetime(updated) - first).total_seconds() > 60:
                connection.execute(
                    sa.text("UPDATE theme SET customised_at = updated_at WHERE id = :id"), {"id": theme_id}
                )


def _as_datetime(value):
    # SQLite hands back text, PostgreSQL a datetime.
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))



def downgrade():
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_column('customised_at')


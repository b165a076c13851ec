"""maintained counts per chosen option (summary_option_count), for the board's "answered an option" filter

Revision ID: 0026_option_counts
Revises: 0025_speed
Create Date: 2026-12-03 20:40:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0026_option_counts'
down_revision = '0025_speed'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('summary_option_count',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('consultation_id', sa.Integer(), nullable=False),
        sa.Column('option_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('area_key', sa.Integer(), nullable=False),
        sa.Column('channel', sa.String(length=10), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_summary_option_count_consultation_id_consultation'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_summary_option_count')),
        sa.UniqueConstraint('consultation_id', 'option_id', 'kind', 'area_key', 'channel', 'day', 'item_id', name='uq_summary_option_count_cell'),
    )
    # The new counts start empty: every cell is recounted before the board next reads.
    op.execute("INSERT INTO summary_stale (consultation_id, area_key, channel, day) VALUES (0, 0, '', '1970-01-01') ON CONFLICT DO NOTHING")


def downgrade():
    op.drop_table('summary_option_count')

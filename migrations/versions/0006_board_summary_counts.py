"""maintained counts for the board summaries (summary_count), and the cells to recount

Existing responses are counted on first use: upgrade marks everything stale.

Revision ID: 0006_board_summary_counts
Revises: 0005_response_receipts
Create Date: 2026-11-26 11:21:38.390192

"""
from datetime import date

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_board_summary_counts'
down_revision = '0005_response_receipts'
branch_labels = None
depends_on = None


def upgrade():
    summary_stale = op.create_table('summary_stale',
    sa.Column('consultation_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('area_key', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('consultation_id', 'area_key', 'channel', 'day', name=op.f('pk_summary_stale'))
    )
    op.create_table('summary_count',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('area_key', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('respondents', 'option', 'question', 'theme')", name=op.f('ck_summary_count_kind')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_summary_count_consultation_id_consultation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_summary_count')),
    sa.UniqueConstraint('consultation_id', 'kind', 'area_key', 'channel', 'day', 'item_id', name='uq_summary_count_cell')
    )
    # consultation_id 0 means "every consultation": the first board page counts what is there.
    op.bulk_insert(summary_stale, [{"consultation_id": 0, "area_key": 0, "channel": "", "day": date(1970, 1, 1)}])


def downgrade():
    op.drop_table('summary_count')
    op.drop_table('summary_stale')

"""maintained phrase, sentiment and emerging-concern counts

Revision ID: 0008_summary_phrase
Revises: 0007_summary_count_item_index
Create Date: 2026-11-26 11:38:30.987724

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_summary_phrase'
down_revision = '0007_summary_count_item_index'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('summary_phrase',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('area_key', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('phrase', sa.String(length=200), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('emerging', 'theme', 'band')", name=op.f('ck_summary_phrase_kind')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_summary_phrase_consultation_id_consultation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_summary_phrase')),
    sa.UniqueConstraint('consultation_id', 'kind', 'theme_id', 'area_key', 'channel', 'day', 'phrase', name='uq_summary_phrase_cell')
    )
    # Recount everything once, so the new table is filled for responses already stored.
    op.execute("INSERT INTO summary_stale (consultation_id, area_key, channel, day) VALUES (0, 0, '', '1970-01-01') ON CONFLICT DO NOTHING")


def downgrade():
    op.drop_table('summary_phrase')

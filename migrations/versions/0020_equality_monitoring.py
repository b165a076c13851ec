"""equality monitoring: questions can belong to the "About you" section; areas' population by age band and sex

Revision ID: 0020_equality_monitoring
Revises: 0019_saved_drafts
Create Date: 2026-12-03 17:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020_equality_monitoring'
down_revision = '0019_saved_drafts'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('section', sa.String(length=20), server_default='', nullable=False))
    op.create_table(
        'area_population',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.Column('age_band', sa.String(length=20), nullable=False),
        sa.Column('sex', sa.String(length=10), nullable=False),
        sa.Column('people', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_area_population_area_id_area'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_area_population')),
        sa.UniqueConstraint('area_id', 'age_band', 'sex', name='uq_area_population_cell'),
    )
    with op.batch_alter_table('area_population', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_area_population_area_id'), ['area_id'], unique=False)


def downgrade():
    with op.batch_alter_table('area_population', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_area_population_area_id'))
    op.drop_table('area_population')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('section')

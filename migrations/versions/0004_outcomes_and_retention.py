"""outcomes (you said, we did) and consultation retention period

Revision ID: 0004_outcomes_and_retention
Revises: 0003_accounts_and_audit
Create Date: 2026-11-26 11:02:34.626775

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004_outcomes_and_retention'
down_revision = '0003_accounts_and_audit'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('outcome',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('introduction', sa.Text(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_outcome_consultation_id_consultation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome')),
    sa.UniqueConstraint('consultation_id', name=op.f('uq_outcome_consultation_id'))
    )
    op.create_table('outcome_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outcome_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=True),
    sa.Column('heading', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('we_heard', sa.Text(), nullable=False),
    sa.Column('we_did', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['outcome_id'], ['outcome.id'], name=op.f('fk_outcome_item_outcome_id_outcome'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_outcome_item_theme_id_theme'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome_item')),
    sa.UniqueConstraint('outcome_id', 'theme_id', name='uq_outcome_item_outcome_theme')
    )
    with op.batch_alter_table('outcome_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_item_outcome_id'), ['outcome_id'], unique=False)

    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retention_months', sa.Integer(), server_default='24', nullable=False))



def downgrade():
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.drop_column('retention_months')

    with op.batch_alter_table('outcome_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_item_outcome_id'))

    op.drop_table('outcome_item')
    op.drop_table('outcome')

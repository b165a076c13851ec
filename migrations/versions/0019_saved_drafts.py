"""saved drafts: a resume code (hashed) and how long a saved draft is kept

Revision ID: 0019_saved_drafts
Revises: 0018_flag_level_change
Create Date: 2026-12-03 17:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019_saved_drafts'
down_revision = '0018_flag_level_change'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resume_code_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('saved_until', sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_draft_resume_code_hash'), ['resume_code_hash'])


def downgrade():
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_draft_resume_code_hash'), type_='unique')
        batch_op.drop_column('saved_until')
        batch_op.drop_column('resume_code_hash')

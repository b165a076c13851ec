"""text answers record which version of the analysis model analysed them

Revision ID: 0012_analysis_model_version
Revises: 0011_user_session_token
Create Date: 2026-12-03 13:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012_analysis_model_version'
down_revision = '0011_user_session_token'
branch_labels = None
depends_on = None


def upgrade():
    # Existing answers keep NULL: no model made them, so `analysis retag --stale` takes them.
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('model_version', sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_column('model_version')

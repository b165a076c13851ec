"""the language a results subscriber used, so the results e-mail is written in it

Revision ID: 0023_i18n
Revises: 0022_background_jobs
Create Date: 2026-12-03 19:50:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0023_i18n'
down_revision = '0022_background_jobs'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('results_subscription', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=10), server_default='en', nullable=False))


def downgrade():
    with op.batch_alter_table('results_subscription', schema=None) as batch_op:
        batch_op.drop_column('language')

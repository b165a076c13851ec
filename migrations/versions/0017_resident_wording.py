"""questions carry an officer's error wording; the partnership's contact details for residents

Revision ID: 0017_resident_wording
Revises: 0016_mail
Create Date: 2026-12-03 16:15:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017_resident_wording'
down_revision = '0016_mail'
branch_labels = None
depends_on = None


def upgrade():
    # Existing questions keep an empty wording, so residents get the default made from the question.
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('error_message', sa.String(length=300), server_default='', nullable=False))
    op.create_table(
        'partnership_contact',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('phone', sa.String(length=40), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade():
    op.drop_table('partnership_contact')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('error_message')

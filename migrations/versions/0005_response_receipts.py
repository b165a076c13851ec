"""receipt codes, suspect submissions and anonymisation on responses

Revision ID: 0005_response_receipts
Revises: 0004_outcomes_and_retention
Create Date: 2026-11-26 11:04:38.484284

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005_response_receipts'
down_revision = '0004_outcomes_and_retention'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('receipt_code', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('suspect_reason', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('anonymised_at', sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_response_receipt_code'), ['receipt_code'])



def downgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_response_receipt_code'), type_='unique')
        batch_op.drop_column('anonymised_at')
        batch_op.drop_column('suspect_reason')
        batch_op.drop_column('receipt_code')


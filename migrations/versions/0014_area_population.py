"""areas record how many people live there, for responses per 1,000 residents

Revision ID: 0014_area_population
Revises: 0013_option_theme
Create Date: 2026-12-03 16:15:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014_area_population'
down_revision = '0013_option_theme'
branch_labels = None
depends_on = None


def upgrade():
    # Existing areas keep NULL: the board reads "population not entered" until an officer adds it.
    with op.batch_alter_table('area', schema=None) as batch_op:
        batch_op.add_column(sa.Column('population', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('area', schema=None) as batch_op:
        batch_op.drop_column('population')

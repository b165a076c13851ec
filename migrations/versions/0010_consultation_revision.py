"""consultations carry a random revision that changes with their survey

Revision ID: 0010_consultation_revision
Revises: 0009_theme_customised
Create Date: 2026-11-26 13:50:00

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_consultation_revision'
down_revision = '0009_theme_customised'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.String(length=16), server_default='', nullable=False))

    # Each existing consultation gets its own random revision, as new ones do.
    connection = op.get_bind()
    for (consultation_id,) in connection.execute(sa.text("SELECT id FROM consultation")).all():
        connection.execute(
            sa.text("UPDATE consultation SET revision = :revision WHERE id = :id"),
            {"revision": secrets.token_hex(8), "id": consultation_id},
        )


def downgrade():
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.drop_column('revision')

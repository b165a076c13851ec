"""staff users carry a session token: changing it ends every session they have; the sign-in throttle remembers known devices

Revision ID: 0011_user_session_token
Revises: 0010_consultation_revision
Create Date: 2026-12-03 14:00:00

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011_user_session_token'
down_revision = '0010_consultation_revision'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=32), server_default='', nullable=False))

    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=8), server_default='count', nullable=False))

    # Every existing account gets its own token, as new ones do; sessions from before end.
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.text('SELECT id FROM "user"')).all():
        connection.execute(
            sa.text('UPDATE "user" SET session_token = :token WHERE id = :id'),
            {"token": secrets.token_hex(16), "id": user_id},
        )


def downgrade():
    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.drop_column('kind')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('session_token')

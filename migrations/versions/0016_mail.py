"""e-mail: the outbox, results-published subscriptions, and who receives safeguarding alerts

Revision ID: 0016_mail
Revises: 0015_api_tokens
Create Date: 2026-12-03 16:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_mail'
down_revision = '0015_api_tokens'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'outbox_message',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('ref', sa.String(length=60), nullable=False),
        sa.Column('recipient', sa.String(length=254), nullable=False),
        sa.Column('subject', sa.String(length=200), nullable=False),
        sa.Column('body_text', sa.Text(), nullable=False),
        sa.Column('headers', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.String(length=500), nullable=True),
        sa.Column('claimed_until', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message')),
    )
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_message_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_message_ref'), ['ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_message_created_at'), ['created_at'], unique=False)
    op.create_table(
        'results_subscription',
        sa.Column('key', sa.String(length=32), nullable=False),
        sa.Column('consultation_id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('given_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_results_subscription_consultation_id_consultation'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_results_subscription')),
        sa.UniqueConstraint('consultation_id', 'email', name='uq_results_subscription_address'),
    )
    with op.batch_alter_table('results_subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_results_subscription_consultation_id'), ['consultation_id'], unique=False)
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('receives_safeguarding_alerts', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('receives_safeguarding_alerts')
    with op.batch_alter_table('results_subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_results_subscription_consultation_id'))
    op.drop_table('results_subscription')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_message_created_at'))
        batch_op.drop_index(batch_op.f('ix_outbox_message_ref'))
        batch_op.drop_index(batch_op.f('ix_outbox_message_kind'))
    op.drop_table('outbox_message')

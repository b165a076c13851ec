"""safeguarding level changes with their reasons, and background analysis jobs with their progress

Revision ID: 0018_flag_level_change
Revises: 0017_resident_wording
Create Date: 2026-12-03 16:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018_flag_level_change'
down_revision = '0017_resident_wording'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('safeguarding_level_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('from_level', sa.String(length=10), nullable=False),
    sa.Column('to_level', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['answer.id'], name=op.f('fk_safeguarding_level_change_answer_id_answer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_safeguarding_level_change_user_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safeguarding_level_change'))
    )
    with op.batch_alter_table('safeguarding_level_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_level_change_answer_id'), ['answer_id'], unique=False)

    op.create_table('analysis_job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('problem', sa.String(length=200), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_analysis_job_status')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_analysis_job_user_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_analysis_job'))
    )
    with op.batch_alter_table('analysis_job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_analysis_job_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('analysis_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_analysis_job_status'))
    op.drop_table('analysis_job')
    with op.batch_alter_table('safeguarding_level_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_level_change_answer_id'))
    op.drop_table('safeguarding_level_change')

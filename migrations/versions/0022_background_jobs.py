"""one job table for all background work (re-analysis, exports, summary rebuilds, retraining)

Revision ID: 0022_background_jobs
Revises: 0021_grid_ranking
Create Date: 2026-12-03 17:20:00

The old analysis_job rows only recorded finished re-analysis runs; they are not carried over.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_background_jobs'
down_revision = '0021_grid_ranking'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('result_path', sa.String(length=300), nullable=True),
    sa.Column('result_name', sa.String(length=200), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.Column('error', sa.String(length=200), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_job_status')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_job_created_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job'))
    )
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_status'), ['status'], unique=False)
    with op.batch_alter_table('analysis_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_analysis_job_status'))
    op.drop_table('analysis_job')


def downgrade():
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
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_status'))
    op.drop_table('job')

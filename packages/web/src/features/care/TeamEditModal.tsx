/**
 * Who is in a care team and which F0 it looks after; whole lists are sent, so a member or F0 removed here
 * leaves the team. Test ids: team-edit-form, team-member-add, team-member (data-name), team-case-add,
 * team-case (data-id), team-edit-save.
 */
import { App, Divider, Empty, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { PersonSelect } from '../people/PersonSelect';
import type { Person } from '../people/types';
import { useUpdateTeam } from './api';
import { CaseSelect } from './CaseSelect';
import type { CareTeam } from './types';

type Member = CareTeam['members'][number];

export function TeamEditModal({ team, onClose }: { team: CareTeam; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; phone?: string }>();
  const [members, setMembers] = useState<Member[]>(team.members);
  const [cases, setCases] = useState(team.cases);
  const update = useUpdateTeam();
  const showError = useShowError();
  const e = (k: string) => t(`care.teams.edit.${k}` as 'care.teams.edit.title');

  const addPerson = async (id: number | null) => {
    if (!id || members.some((m) => m.personId === id)) return;
    try {
      const p = await api.get<Person>(`/people/${id}`);
      setMembers((ms) => [...ms, { userId: null, personId: p.id, fullName: p.fullName }]);
    } catch (err) {
      showError(err);
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await update.mutateAsync({
        id: team.id, version: team.version, name: v.name, phone: v.phone?.trim() || null,
        memberUserIds: members.flatMap((m) => (m.userId ? [m.userId] : [])), memberPersonIds: members.flatMap((m) => (m.personId ? [m.personId] : [])),
        caseIds: cases.map((c) => c.id),
      });
      void message.success(e('saved'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void message.warning(e('stale'));
        onClose();
        return;
      }
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      width={680}
      title={t('care.teams.edit.title', { name: team.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'team-edit-save' }}
    >
      <Form form={form} layout="vertical" data-testid="team-edit-form" initialValues={{ name: team.name, phone: team.phone ?? undefined }}>
        <Flex gap={12}>
          <Form.Item name="name" label={t('care.teams.name')} rules={[{ required: true, min: 2 }]} style={{ flex: 2 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t('care.teams.phone')} style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
        </Flex>
        <Typography.Text type="secondary">{t('care.teams.leader')}: {team.leaderName ?? t('common.empty')}</Typography.Text>
        <Divider titlePlacement="start">{t('care.teams.members')}</Divider>
        <Flex gap={4} wrap style={{ marginBottom: 8 }}>
          {members.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={e('noMembers')} />}
          {members.map((m) => (
            <Tag
              key={`${m.userId ?? ''}-${m.personId ?? ''}`}
              closable
              onClose={() => setMembers((ms) => ms.filter((x) => x !== m))}
              data-testid="team-member"
              data-name={m.fullName}
            >
              {m.fullName}
            </Tag>
          ))}
        </Flex>
        <PersonSelect value={null} onChange={(id) => void addPerson(id)} placeholder={e('addMember')} data-testid="team-member-add" />
        <Divider titlePlacement="start">{e('cases')}</Divider>
        <Flex gap={4} wrap style={{ marginBottom: 8 }}>
          {cases.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={e('noCases')} />}
          {cases.map((c) => (
            <Tag key={c.id} closable onClose={() => setCases((cs) => cs.filter((x) => x.id !== c.id))} data-testid="team-case" data-id={c.id}>
              #{c.id} · {c.fullName}
            </Tag>
          ))}
        </Flex>
        <CaseSelect
          value={null}
          placeholder={e('addCase')}
          onPick={(c) => setCases((cs) => (cs.some((x) => x.id === c.id) ? cs : [...cs, { id: c.id, fullName: c.person.fullName }]))}
          data-testid="team-case-add"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{e('moveHint')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}

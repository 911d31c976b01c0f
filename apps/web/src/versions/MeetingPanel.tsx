import {
  type BoardState,
  MEETING_TYPES,
  type MeetingRecord,
  type MeetingType,
  type VersionMeta,
} from '@kinmap/model';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { ConfirmButton } from '../lib/ConfirmButton';
import { currentLanguage, type MessageKey, t } from '../lib/messages';
import { AttendanceEditor } from './AttendanceEditor';
import { formatMeetingDate, localIsoDate } from './labels';
import { attendanceIsEmpty, presentParticipants, withPresentTicked } from './presentAttendance';
import { failureMessage } from './useVersionsData';
import { closeMeeting, startMeeting, updateMeeting } from './versionsApi';

export interface MeetingPanelProps {
  readonly boardId: string;
  readonly board: BoardState;
  /** The open meeting, if any (at most one per board). */
  readonly open: MeetingRecord | null;
  readonly isFacilitator: boolean;
  /** Participant ids of the people on the board now. */
  readonly present?: readonly string[];
  /** Load the meetings and versions again after a change. */
  readonly onChanged: () => Promise<void>;
  readonly onClosed: (version: VersionMeta) => void;
}

/** The decision's limit (model `meetingUpdateSchema`). */
const MAX_DECISION_LENGTH = 20_000;

/**
 * Running a meeting: the facilitator starts one (type and date), records who took part and the
 * decision while it is open, and closes it, which saves a version of the whole board.
 */
export function MeetingPanel(props: MeetingPanelProps) {
  const { open, isFacilitator } = props;
  return (
    <section className="plan-section" aria-labelledby="versions-meeting">
      <h3 id="versions-meeting">{t('versions.meeting.heading')}</h3>
      {open ? (
        <OpenMeeting key={open.id} {...props} open={open} />
      ) : (
        <>
          <p>{t('versions.meeting.none')}</p>
          {isFacilitator ? (
            <StartMeetingForm {...props} />
          ) : (
            <p className="hint">{t('versions.meeting.onlyFacilitator')}</p>
          )}
        </>
      )}
    </section>
  );
}

function StartMeetingForm({ boardId, onChanged }: MeetingPanelProps) {
  const id = useId();
  const [type, setType] = useState<MeetingType>('family-network-meeting');
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await startMeeting(boardId, { type, date });
    setBusy(false);
    setProblem(result.ok ? null : failureMessage(result));
    await onChanged();
  };
  return (
    <form className="versions-form" onSubmit={(e) => void submit(e)}>
      <MeetingTypeAndDate id={id} type={type} date={date} onType={setType} onDate={setDate} />
      <button type="submit" disabled={busy}>
        {t('versions.meeting.start')}
      </button>
      <p role="alert">{problem ? t(problem) : ''}</p>
    </form>
  );
}

function OpenMeeting({
  boardId,
  board,
  open,
  isFacilitator,
  present = [],
  onChanged,
  onClosed,
}: MeetingPanelProps & { open: MeetingRecord }) {
  const id = useId();
  const here = presentParticipants(board, present);
  // Nobody recorded yet: the facilitator's form starts with everyone on the board now ticked
  // (unsaved until they save or close, so they check it first).
  const prefill = isFacilitator && attendanceIsEmpty(open.attendance) && here.length > 0;
  const initial = prefill ? { ...open, attendance: withPresentTicked(open.attendance, here) } : open;
  // `base` is the meeting as last read from the server; `draft` is what the form shows.
  const [base, setBase] = useState(open);
  const [draft, setDraft] = useState(initial);
  const [dirty, setDirty] = useState(prefill);
  const [prefilled] = useState(prefill);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ key: MessageKey; problem: boolean } | null>(null);
  // A reload brings someone else's save (another facilitator's screen); it shows here unless
  // this screen has unsaved words.
  useEffect(() => setBase(open), [open]);
  useEffect(() => {
    if (!dirty) setDraft(base);
  }, [base, dirty]);
  const change = (next: Partial<MeetingRecord>) => {
    setDraft((d) => ({ ...d, ...next }));
    setDirty(true);
  };

  const save = async (): Promise<boolean> => {
    const { type, date, attendance, decision } = draft;
    const result = await updateMeeting(boardId, open.id, { type, date, attendance, decision });
    if (!result.ok) {
      setSaid({ key: failureMessage(result), problem: true });
      if (result.reason === 'conflict') setDirty(false);
      await onChanged();
      return false;
    }
    setBase(result.value);
    setDirty(false);
    return true;
  };
  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    if (await save()) setSaid({ key: 'versions.meeting.saved', problem: false });
    setBusy(false);
  };
  const onClose = async () => {
    setBusy(true);
    const saved = !dirty || (await save());
    const result = saved ? await closeMeeting(boardId, open.id) : null;
    setBusy(false);
    if (result && !result.ok) setSaid({ key: failureMessage(result), problem: true });
    if (result?.ok) onClosed(result.value.version);
    await onChanged();
  };

  const locale = currentLanguage();
  const heading = t('versions.meeting.open', {
    type: t(`versions.meetingType.${open.type}`),
    date: formatMeetingDate(open.date, locale),
  });
  return (
    <form className="versions-form versions-meeting" onSubmit={(e) => void onSave(e)}>
      <p className="versions-meeting__open">{heading}</p>
      {!isFacilitator && <p className="hint">{t('versions.meeting.onlyFacilitator')}</p>}
      <fieldset className="versions-fields" disabled={!isFacilitator || busy}>
        <MeetingTypeAndDate
          id={id}
          type={draft.type}
          date={draft.date}
          onType={(type) => change({ type })}
          onDate={(date) => change({ date })}
        />
      </fieldset>
      {prefilled && <p className="hint">{t('versions.meeting.prefilled')}</p>}
      {isFacilitator && here.some((p) => !draft.attendance.participantIds.includes(p)) && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() => change({ attendance: withPresentTicked(draft.attendance, here) })}
          >
            {t('versions.meeting.tickPresent')}
          </button>
        </p>
      )}
      <AttendanceEditor
        board={board}
        value={draft.attendance}
        onChange={(attendance) => change({ attendance })}
        disabled={!isFacilitator || busy}
      />
      <label htmlFor={`${id}-decision`}>{t('versions.meeting.decision')}</label>
      <textarea
        id={`${id}-decision`}
        className="versions-decision"
        value={draft.decision}
        maxLength={MAX_DECISION_LENGTH}
        readOnly={!isFacilitator}
        onChange={(e) => change({ decision: e.target.value })}
      />
      {isFacilitator && (
        <div className="versions-buttons">
          <button type="submit" disabled={busy || !dirty}>
            {t('versions.meeting.save')}
          </button>
          <ConfirmButton
            label={t('versions.meeting.close')}
            question={t('versions.meeting.closeQuestion')}
            yes={t('versions.meeting.closeYes')}
            no={t('versions.meeting.closeNo')}
            disabled={busy}
            onConfirm={() => void onClose()}
          />
        </div>
      )}
      <p role="status">{said && !said.problem ? t(said.key) : ''}</p>
      <p role="alert">{said?.problem ? t(said.key) : ''}</p>
    </form>
  );
}

/** The meeting's type and date, labelled; the same fields when a meeting starts and while it is open. */
function MeetingTypeAndDate({
  id,
  type,
  date,
  onType,
  onDate,
}: {
  readonly id: string;
  readonly type: MeetingType;
  readonly date: string;
  readonly onType: (type: MeetingType) => void;
  readonly onDate: (date: string) => void;
}) {
  return (
    <>
      <label htmlFor={`${id}-type`}>{t('versions.meeting.type')}</label>
      <select id={`${id}-type`} value={type} onChange={(e) => onType(e.target.value as MeetingType)}>
        {MEETING_TYPES.map((option) => (
          <option key={option} value={option}>
            {t(`versions.meetingType.${option}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-date`}>{t('versions.meeting.date')}</label>
      <input id={`${id}-date`} type="date" required value={date} onChange={(e) => onDate(e.target.value)} />
    </>
  );
}

// The public API of @kinmap/model, listed by name.
export { addPair, pairCards, unpair } from './analysis.js';
export { initBoard, type Migration, migrate, readMeta, SCHEMA_VERSION, setTitle } from './board.js';
export {
  BOARD_EXPORT_FORMAT,
  BOARD_EXPORT_VERSION,
  type BoardExport,
  boardExportJsonSchema,
  boardExportSchema,
  buildBoardExport,
  canonicalJson,
  contentHash,
  importBoard,
  parseBoardExport,
} from './boardExport.js';
export { boardStateSchema, checkBoardState, parseBoardState } from './boardStateSchema.js';
export {
  addCard,
  deleteCard,
  editCardText,
  moveCard,
  type NewCard,
  setCardText,
  setMark,
} from './cards.js';
export {
  CARD_FIELDS,
  type CardField,
  type Change,
  type ChangeKind,
} from './changeKinds.js';
export { applyAndClassify, type Classification, classifyTransaction, readLocked } from './changes.js';
export {
  asCardId,
  asNetworkMemberId,
  asPairId,
  asParticipantId,
  asRuleId,
  asScaleId,
  isId,
  newId,
  OVERALL_SCALE_ID,
} from './ids.js';
export {
  attendanceSchema,
  MEETING_LIMITS,
  meetingDateSchema,
  meetingRecordSchema,
  meetingStartSchema,
  meetingTypeSchema,
  meetingUpdateSchema,
  versionLabelSchema,
  versionMetaSchema,
} from './meetings.js';
export {
  addNetworkMember,
  type NetworkMemberFields,
  removeNetworkMember,
  updateNetworkMember,
} from './network.js';
export { compareOrdered, type Ordered, orderBetween } from './order.js';
export { isOrigin, ORIGIN_KINDS, type Origin, type OriginKind, Origins, originKind } from './origins.js';
export { isParticipantRegistered, registerParticipant } from './participants.js';
export {
  type BoardDocument,
  type ChangeActor,
  checkChanges,
  may,
  PERMISSION_MATRIX,
  type PermissionRuleId,
  type PermissionVerdict,
} from './permissions.js';
export { addRule, type RuleFields, removeRule, setPlan, updateRule } from './plan.js';
export { cardsInCategory, getCardText, readBoard } from './read.js';
export { type RestoreOptions, restoreBoard, restoreCard } from './restore.js';
export {
  copyIntoRestricted,
  flaggedSharedCards,
  initRestricted,
  moveToRestricted,
  moveToShared,
  removeFromShared,
} from './restricted.js';
export {
  clearRating,
  markScored,
  medianScore,
  rate,
  revealInto,
  setScaleMode,
  unmarkScored,
} from './scales.js';
export { LIMITS } from './schema.js';
export { applyTextEdit, isWellFormedText, type TextEdit, textDiff } from './text.js';
export { groupOfRole, type TrajectoryMoment, trajectory } from './trajectory.js';
export type { OpOptions } from './transact.js';
export {
  type Actor,
  type BoardId,
  type BoardMeta,
  type BoardState,
  type Brand,
  CATEGORIES,
  CATEGORY_COLUMN,
  type CardId,
  type CardState,
  type Category,
  COLUMNS,
  type Column,
  type ErrorReason,
  isRole,
  type Mark,
  type NetworkMemberId,
  type NetworkMemberState,
  type PairId,
  type PairState,
  type ParticipantId,
  type ParticipantState,
  type PlanState,
  type Result,
  ROLES,
  type Role,
  type RuleId,
  type RuleState,
  type ScaleId,
  type ScaleMode,
  type ScaleRating,
  type ScaleState,
} from './types.js';
export { diffBoards, isEmptyDiff, MAX_LCS_CELLS, textParts } from './versionDiff.js';
export {
  type Attendance,
  type BoardDiff,
  type CardChange,
  type CardDiffField,
  MEETING_TYPES,
  type MeetingRecord,
  type MeetingType,
  type PersonInRoom,
  type RatingChange,
  type RecordChange,
  type TextPart,
  type Trajectory,
  type TrajectoryGroup,
  type TrajectoryLine,
  type TrajectoryPoint,
  type TrajectoryScale,
  type VersionContent,
  type VersionKind,
  type VersionMeta,
} from './versionTypes.js';

// The public API of @kinmap/model, listed by name.

export {
  type BoardDocument,
  type ChangeActor,
  checkChanges,
  type PermissionVerdict,
} from './access/permissions.js';
export {
  isPolicyRuleId,
  LOBBY_ROLES,
  MANAGEABLE_ROLES,
  may,
  mayAdmitAs,
  mayManage,
  PERMISSION_MATRIX,
  type PermissionRuleId,
  POLICY,
  POLICY_SUMMARIES,
  type PolicyRuleId,
} from './access/policy.js';
export { addPair, pairCards, unpair } from './cards/analysis.js';
export {
  addCard,
  deleteCard,
  editCardText,
  moveCard,
  type NewCard,
  setCardText,
  setMark,
} from './cards/cards.js';
export {
  CARD_FIELDS,
  CARD_NOTE_FIELDS,
  type CardField,
  type CardNoteField,
  type Change,
  type ChangeKind,
} from './cards/changeKinds.js';
export {
  applyAndClassify,
  type Classification,
  classifyTransaction,
  layoutChanges,
  readLocked,
} from './cards/changes.js';
export {
  addProfessionalsOnlyCard,
  copyIntoRestricted,
  flaggedSharedCards,
  initRestricted,
  moveToRestricted,
  moveToShared,
  removeFromShared,
} from './cards/professionalsOnly.js';
export { quotedPerson, setCardQuote } from './cards/quote.js';
export {
  acceptSuggestion,
  declineSuggestion,
  setMarkReason,
  suggestChange,
} from './cards/words.js';
export { checkChildUpdate, childToolProblem } from './child/childCheck.js';
export {
  type ChildMeta,
  childWordsText,
  readArea,
  readChildTool,
  readMeta as readChildMeta,
} from './child/childRead.js';
export { restoreChildTool } from './child/childRestore.js';
export {
  addSticker,
  addStroke,
  coordinatesOf,
  eraseStrokes,
  initChildTool,
  removeStickers,
  setChildScale,
  setChildWords,
} from './child/childTool.js';
export {
  areasOf,
  CHILD_LIMITS,
  CHILD_TOOL_AREAS,
  CHILD_TOOL_KINDS,
  CHILD_TOOL_VISIBILITIES,
  type ChildAreaState,
  type ChildToolArea,
  type ChildToolKind,
  type ChildToolState,
  type ChildToolVisibility,
  DRAWING_ASPECT,
  FOR_THE_CHILD,
  isChildToolKind,
  isChildToolVisibility,
  isForTheChild,
  PEN_COLOURS,
  type PenColour,
  type RoomDocument,
  SCALE_AREA,
  STICKER_ICONS,
  STICKERS,
  type Sticker,
  type StickerName,
  type Stroke,
  WORDS_PICTURES_STAGES,
  type WordsPicturesStage,
} from './child/childToolShape.js';
export { QUOTE_AREAS, type QuoteArea } from './child/quoteAreas.js';
export {
  initBoard,
  type Migration,
  migrate,
  readMeta,
  SCHEMA_VERSION,
  setLocked,
  setTitle,
} from './doc/board.js';
export { type BoardReader, createBoardReader } from './doc/boardReader.js';
export { boardStateSchema, checkBoardState, parseBoardState } from './doc/boardStateSchema.js';
export { filterRecord, hasId, idRecord, ownValue } from './doc/idRecord.js';
export {
  asCardId,
  asNetworkMemberId,
  asPairId,
  asParticipantId,
  asPersonId,
  asRuleId,
  asScaleId,
  isId,
  newId,
  OVERALL_SCALE_ID,
} from './doc/ids.js';
export { isLayoutId, type LayoutProblem, RESERVED_IDS } from './doc/layoutCheck.js';
export { compareOrdered, type Ordered, orderBetween } from './doc/order.js';
export { isOrigin, ORIGIN_KINDS, type Origin, type OriginKind, Origins, originKind } from './doc/origins.js';
export {
  type BoardReading,
  cardsInCategory,
  emptyBoardState,
  getCardText,
  readBoard,
  readBoardWithRepairs,
} from './doc/read.js';
export type { Repair, RepairAction } from './doc/repairs.js';
export { LIMITS } from './doc/schema.js';
export { applyTextEdit, isWellFormedText, type TextEdit, textDiff } from './doc/text.js';
export type { OpOptions } from './doc/transact.js';
export {
  type Actor,
  type BoardId,
  type BoardMeta,
  type BoardState,
  type Brand,
  CATEGORIES,
  CATEGORY_COLUMN,
  type CardId,
  type CardQuote,
  type CardState,
  type Category,
  COLUMNS,
  type Column,
  type ErrorReason,
  isCategory,
  isRole,
  type Mark,
  type NetworkMemberId,
  type NetworkMemberState,
  type PairId,
  type PairState,
  type ParticipantId,
  type ParticipantState,
  PERSON_KINDS,
  type PersonId,
  type PersonKind,
  type PersonState,
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
} from './doc/types.js';
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
} from './history/boardExport.js';
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
} from './history/meetings.js';
export { type RestoreOptions, restoreBoard, restoreCard } from './history/restore.js';
export { keepProfessionalsOnly, withoutCards } from './history/restrictedNow.js';
export {
  addMonths,
  REVIEW_WITHIN_MONTHS,
  type ReviewTimetable,
  reviewTimetable,
} from './history/reviewTimetable.js';
export { diffBoards, isEmptyDiff, MAX_LCS_CELLS, textParts } from './history/versionDiff.js';
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
} from './history/versionTypes.js';
export {
  type AgendaItemFields,
  addAgendaItem,
  addParkingItem,
  moveAgendaItem,
  nextAgendaItem,
  pauseTimer,
  removeAgendaItem,
  removeParkingItem,
  resolveParkingItem,
  setAgendaItemDone,
  setCurrentAgendaItem,
  showOnWall,
  startTimer,
  updateAgendaItem,
} from './meeting/meetingOps.js';
export { readMeetingTools } from './meeting/meetingRecords.js';
export { elapsedAt, formatDuration, type TimerReading, timerReading } from './meeting/meetingTimer.js';
export {
  type AgendaItemId,
  type AgendaItemState,
  type FacilitationState,
  MEETING_TOOL_LIMITS,
  type MeetingToolsState,
  type ParkingItemId,
  type ParkingItemState,
  WALL_SCREENS,
  type WallScreen,
} from './meeting/meetingTypes.js';
export {
  addNetworkMember,
  type NetworkMemberFields,
  removeNetworkMember,
  updateNetworkMember,
} from './plan/network.js';
export { isParticipantRegistered, registerParticipant } from './plan/participants.js';
export { addPerson, type PersonFields, removePerson, updatePerson } from './plan/people.js';
export { addRule, type RuleFields, removeRule, setPlan, updateRule } from './plan/plan.js';
export {
  clearRating,
  clearRecordedRating,
  markScored,
  medianScore,
  rate,
  recordRating,
  revealInto,
  setScaleMode,
  takeOverRecordedRating,
  unmarkScored,
} from './scales/scales.js';
export { groupOfRole, type TrajectoryMoment, trajectory } from './scales/trajectory.js';
export {
  PERSON_COLORS,
  PERSON_DASHES,
  type TrajectoryLineStyle,
  trajectoryLineStyle,
} from './scales/trajectoryStyle.js';

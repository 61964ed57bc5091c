/**
 * Shared domain types. Every module in src/ speaks these; adapters (Node, Workers) implement the
 * interfaces at the bottom. Keep this file free of runtime imports so any runtime can load it.
 */

/** Fixed topic taxonomy; see docs/topics.md for what each id covers. */
export const topicIds = [
  'go',
  'cpp',
  'java',
  'python',
  'redis',
  'mysql',
  'network',
  'os',
  'distributed',
  'cloud',
  'mq',
  'system-design',
  'algorithms',
  'security',
  'blockchain',
  'project',
  'behavioural',
] as const;
export type TopicId = (typeof topicIds)[number];

/**
 * What a card asks for. Technical cards are 八股 graded against their reference; behavioural cards
 * (self-introduction) and project cards (the candidate's own projects and internships) are asked in
 * their own interview phases.
 */
export const cardKinds = ['technical', 'behavioural', 'project'] as const;
export type CardKind = (typeof cardKinds)[number];

/** One atomic claim of a reference that a complete answer makes. */
export interface CardKeyPoint {
  /** A short statement of fact or mechanism, taken from the reference. */
  text: string;
  /** The terms that carry the claim (glossary terms and the notes' own vocabulary). */
  concepts: string[];
  /** Importance to the question, 0–1 (1 = the point the question is about). */
  weight: number;
}

/** A follow-up a real interviewer asked after this question (interview-log notes). */
export interface CardFollowup {
  question: string;
  answer?: string;
}

/**
 * A knowledge card: the unit that search, grading and the interviewer use. Parsed from one place
 * in a note file; rebuilt whenever that file changes.
 */
export interface Card {
  /** Stable id: a hash of the source path, heading path and question text (never the position). */
  id: string;
  /** The question as an interviewer would ask it, self-contained (a label gets its parent's subject). */
  question: string;
  /** The subject the question belongs to, e.g. "Go > 垃圾回收"; empty at the top of a note. */
  context: string;
  /** Code the question refers to, as fenced Markdown; the web app shows it under the question. */
  code?: string;
  /** The reference answer as Markdown, ending where its answer ends. Empty when unanswered. */
  reference: string;
  keyPoints: CardKeyPoint[];
  followups: CardFollowup[];
  topics: TopicId[];
  kind: CardKind;
  answered: boolean;
  /** Other phrasings of the same question found in the notes; a session asks the card once. */
  variants?: string[];
  /** A passage with no question of its own (jottings between answers): found by search, never asked. */
  searchOnly?: boolean;
  /** Path relative to the corpus folder, with forward slashes, e.g. "go-basics-qa.md". */
  source: string;
  /** Headings above and including the question, outermost first. */
  headingPath: string[];
  /** 1-based inclusive line range of the question and its answer in the source file. */
  lines: { start: number; end: number };
  /** Present when the owner's overlay (题库 page) changed this card; see `CardOverlay`. */
  edit?: CardEditMark;
  /**
   * Present when an LLM rewrote this card from its note (`npm run index -- --llm`); `keyPoints`:
   * its key points are the LLM's (checked against the reference). The owner's edits still win.
   */
  compiled?: { model: string; keyPoints: boolean };
}

/** What an applied overlay changed, so consumers (grading) and the page can tell. */
export interface CardEditMark {
  /** The key points are the owner's, not the parser's: grading uses them as given. */
  keyPoints: boolean;
  /** The note under the edit changed since it was saved: the page asks the owner to check it. */
  needsReview: boolean;
  updatedAt: string;
}

/** A retrievable passage. A chunk never spans two questions. */
export interface Chunk {
  /** `${cardId}#${ordinal}` */
  id: string;
  cardId: string;
  /** Passage text (a slice of the answer, or the question itself for unanswered items). */
  text: string;
  /** Heading path joined with " > ", ending in the question. */
  heading: string;
  source: string;
  topics: TopicId[];
  /** Content hash of what gets embedded, the key of the embedding cache. */
  hash: string;
}

export type SearchMode = 'hybrid' | 'lexical' | 'vector';

export interface SearchHit {
  chunk: Chunk;
  score: number;
}

export interface SearchOptions {
  k?: number;
  mode?: SearchMode;
  topics?: TopicId[];
}

/** The loaded question bank and indexes, whatever runtime built them. */
export interface KnowledgeBase {
  readonly cards: readonly Card[];
  readonly chunks: readonly Chunk[];
  getCard(id: string): Card | undefined;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** Cosine similarity of two texts under the index's embedder; the grader uses it. */
  similarity(a: string, b: string): Promise<number>;
}

/** A passage a grade was made against, cited back to the user. */
export interface Reference {
  source: string;
  heading: string;
  text: string;
  /** Key points the owner fixed for this reference; when given, grading uses them instead of extracting its own. */
  keyPoints?: Array<{ text: string; weight: number }>;
}

export type Coverage = 'yes' | 'partial' | 'no';

export interface KeyPoint {
  text: string;
  covered: Coverage;
  evidence?: string;
  /** The answer said the opposite of this point (covered is then 'no'); `evidence` quotes what it said. */
  contradicted?: boolean;
  /** Relative importance within the grade (higher matters more); follow-ups ask the heaviest miss first. */
  weight?: number;
  /**
   * Not made, and about something the question does not ask (another member of a list, another comparison): shown with
   * the note's points, never called missed, asked about or counted against the answer.
   */
  offQuestion?: boolean;
}

export type GradeBand = 'excellent' | 'good' | 'fair' | 'weak' | 'none';

export interface Grade {
  /** 0–10, at most one decimal. */
  score: number;
  band: GradeBand;
  keyPoints: KeyPoint[];
  strengths: string[];
  gaps: string[];
  /** Chinese, 2–5 concrete sentences. */
  feedback: string;
  references: Reference[];
  grader: 'offline' | 'llm';
  /** True when an LLM grade was wanted but the offline grader produced this one. */
  fallback: boolean;
  /** Shown to the user when something degraded, e.g. "LLM 超时，已改用离线评分". */
  notice?: string;
  /** On the turn of a follow-up answer: what that answer itself did, beside this grade of the whole question. */
  followup?: FollowupResult;
}

/**
 * A follow-up answer's own result. The turn's grade is the question's (everything said on it); this is
 * what the follow-up answer added, so a card never shows "不知道" beside the main answer's 10 as if it earned it.
 */
export interface FollowupResult {
  /** 'followup' asks about this question's note; 'deeper' asks one level deeper, about another card. */
  kind: 'followup' | 'deeper';
  /** The deeper card's question. */
  question?: string;
  /** Deeper only: the answer's own score against the card it answers. */
  score?: number;
  /** Followup only: the note's points this answer made that the earlier answers had not. */
  added: string[];
  /** Nothing was said (不知道, a question back, an empty answer). */
  nonAnswer: boolean;
  feedback: string;
  /** The question's grade after this answer (question-grade.ts: its best graded answer). */
  questionScore: number;
}

export interface GradeRequest {
  question: string;
  answer: string;
  references?: Reference[];
  /** The language the card's sentences are worded in (the session's UI language); Chinese by default. */
  language?: 'zh' | 'en';
}

export interface Grader {
  grade(request: GradeRequest, options?: { signal?: AbortSignal }): Promise<Grade>;
}

export type SessionMode = 'interview' | 'practice' | 'drill';
export type SessionStatus = 'active' | 'done';

export type TurnKind =
  | 'opening'
  | 'question'
  | 'followup'
  | 'answer'
  | 'skip'
  | 'hint'
  | 'closing';

export interface Turn {
  sessionId: string;
  /** 0-based position in the transcript; (sessionId, seq) is unique. */
  seq: number;
  role: 'interviewer' | 'candidate';
  kind: TurnKind;
  text: string;
  questionId?: string;
  /** Present on candidate answer/skip turns once graded. */
  grade?: Grade;
  /** The candidate spoke this answer (a transcript, then maybe edited) rather than typed it. */
  spoken?: true;
  /** How a spoken answer was captured, and the coaching figures; never part of the grade. */
  speech?: SpeechStats;
  createdAt: string;
}

/** Speech engines: the browser's own recognition, or recording transcribed by the server. */
export type SpeechEngine = 'browser' | 'server';

export interface SpeechStats {
  engine: SpeechEngine;
  /** Time the microphone was open for this answer, in ms. */
  speakingMs: number;
  /** Characters the transcripts had (typed additions excluded); absent from older clients. */
  spokenChars?: number;
  /** Filler words counted in the submitted text, e.g. { 嗯: 3, 那个: 1 }; only words that occur. */
  fillers: Record<string, number>;
}

/** A recording kept because its owner opted in; otherwise audio is never stored. */
export interface AudioClip {
  id: string;
  ownerId: string;
  sessionId?: string;
  mimeType: string;
  audio: Uint8Array;
  transcript: string;
  createdAt: string;
}

export interface AudioClipStore {
  putAudioClip(clip: AudioClip): Promise<void>;
}

export interface SessionRecord {
  id: string;
  ownerId: string;
  mode: SessionMode;
  topics: TopicId[];
  status: SessionStatus;
  /** Incremented on every committed turn; the store's optimistic-concurrency guard. */
  version: number;
  /** Engine-owned JSON state (plan, cursor, follow-up count, hints used, …). */
  state: unknown;
  createdAt: string;
  updatedAt: string;
}

/** An FSRS card for one question, per owner. `card` is ts-fsrs's Card serialised to JSON. */
export interface ReviewCard {
  ownerId: string;
  questionId: string;
  topics: TopicId[];
  due: string;
  card: unknown;
}

/**
 * Durable session storage. Node implements it with SQLite, Workers with D1.
 * `appendTurns` must be atomic: it writes the turns and the new state only when the stored
 * version equals `expectedVersion`, and returns false otherwise (the caller answers 409).
 */
export interface SessionStore {
  createSession(session: SessionRecord, turns: Turn[]): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  listSessions(ownerId: string): Promise<SessionRecord[]>;
  listTurns(sessionId: string): Promise<Turn[]>;
  appendTurns(
    sessionId: string,
    expectedVersion: number,
    turns: Turn[],
    next: { state: unknown; status: SessionStatus },
  ): Promise<boolean>;
  getCards(ownerId: string, topic?: TopicId): Promise<ReviewCard[]>;
  putCard(card: ReviewCard): Promise<void>;
  /** The owner's card overlays (题库 page fixes), oldest first. */
  listOverlays(ownerId: string): Promise<StoredCardOverlay[]>;
  /** Saves overlays, replacing any the owner has for the same cards, all or none. */
  putOverlays(overlays: StoredCardOverlay[]): Promise<void>;
  /** Removes one overlay; false when the owner had none for that card. */
  deleteOverlay(ownerId: string, cardId: string): Promise<boolean>;
}

/**
 * An owner's fix of one card, laid over the parsed card and never written into the notes. Every
 * field is optional: absent means "as parsed".
 */
export interface CardOverlay {
  question?: string;
  /** The whole list as the owner wants it: added, removed, reworded and reweighted points. */
  keyPoints?: Array<{ text: string; weight: number }>;
  /** Never asked in a session and left out of search results. */
  excluded?: boolean;
  /** Id of the card this one asks the same as: it becomes a variant of that card, asked once. */
  mergedInto?: string;
  /** Moves the card to these topics. */
  topics?: TopicId[];
}

export interface StoredCardOverlay {
  ownerId: string;
  cardId: string;
  /** Hash of the card's note text when the overlay was saved (`cardSourceHash`). */
  sourceHash: string;
  overlay: CardOverlay;
  updatedAt: string;
}

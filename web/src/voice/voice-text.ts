/** The voice controls' words in both languages; kept beside the feature so the shared i18n table stays small. */
import type { Lang } from '../i18n.ts';

const zh = {
  speak: '语音作答',
  stop: '停止',
  listening: '正在听…说完点“停止”',
  transcribing: '正在转写…',
  engineBrowser: '识别：浏览器语音识别',
  engineServer: '识别：服务器转写（录音后上传）',
  engineNone: '语音作答不可用',
  mute: '静音',
  rate: '语速',
  spokenMode: '口述模式：读题后自动开麦',
  keepAudio: '保存我的录音',
  replay: '再读一遍',
  spokenMark: '口述',
  denied: '麦克风权限被拒绝。请在浏览器地址栏左侧的网站设置里允许使用麦克风；也可以直接打字作答。',
  noDevice: '没有找到可用的麦克风。请接上麦克风后重试，或直接打字作答。',
  noSpeech: '没有听到说话。请靠近麦克风再试一次，或直接打字。',
  tooLong: '录音太长，已自动停止并转写前面的部分；后面的内容请再录一段或直接打字。',
  upstream: '转写失败（{detail}）。输入框里已有的文字都还在，可以稍后再试或直接打字。',
  unsupported: '这个浏览器不能录音。请换用最新版 Chrome、Edge、Safari 或 Firefox，或直接打字作答。',
  noEngine: '这个浏览器没有语音识别，服务器也没有配置语音转写（离线模式）。请用 Chrome、Edge 或 Safari，或按 docs/voice.md 配置转写模型；打字作答不受影响。',
  fellBack: '浏览器自带的语音识别在这里用不了（{error}），已改用服务器转写。',
  speakingTime: '说话 {time}',
  speakingTimeHeader: '说话时长',
  fillers: '语气词',
  fillersNone: '无语气词',
  spokenTitle: '口述表现',
  spokenNote: '说话时长、语速和语气词（嗯、呃、那个、就是）只作练习参考，不计入评分。',
  question: '问题',
  pace: '语速（字/分钟）',
};

const en: typeof zh = {
  speak: 'Speak answer',
  stop: 'Stop',
  listening: 'Listening… press Stop when done',
  transcribing: 'Transcribing…',
  engineBrowser: 'Recognition: the browser’s speech recognition',
  engineServer: 'Recognition: server transcription (records, then uploads)',
  engineNone: 'Spoken answers unavailable',
  mute: 'Mute',
  rate: 'Rate',
  spokenMode: 'Spoken mode: read the question, then open the mic',
  keepAudio: 'Keep my recordings',
  replay: 'Read again',
  spokenMark: 'spoken',
  denied: 'Microphone access was refused. Allow the microphone in the site settings next to the address bar, or type your answer.',
  noDevice: 'No microphone was found. Connect one and try again, or type your answer.',
  noSpeech: 'No speech was heard. Move closer to the microphone and try again, or type.',
  tooLong: 'The recording got too long: it stopped and the first part was transcribed. Record the rest again, or type it.',
  upstream: 'Transcription failed ({detail}). Everything in the answer box is still there; try again later or type.',
  unsupported: 'This browser cannot record audio. Use a recent Chrome, Edge, Safari or Firefox, or type your answer.',
  noEngine: 'This browser has no speech recognition and the server has no transcription configured (offline mode). Use Chrome, Edge or Safari, or configure a transcription model (docs/voice.md); typing works as always.',
  fellBack: 'The browser’s own speech recognition does not work here ({error}); switched to server transcription.',
  speakingTime: 'spoke {time}',
  speakingTimeHeader: 'Speaking time',
  fillers: 'Fillers',
  fillersNone: 'no fillers',
  spokenTitle: 'Speaking',
  spokenNote: 'Speaking time, pace and filler words (嗯, 呃, 那个, 就是) are coaching signals only; they are not part of the grade.',
  question: 'Question',
  pace: 'Pace (chars/min)',
};

export type VoiceTextKey = keyof typeof zh;

export function voiceText(lang: Lang, key: VoiceTextKey, values: Record<string, string | number> = {}): string {
  const template = (lang === 'en' ? en : zh)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** 95 000 ms → "1:35". */
export function formatSpeakingTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatFillers(lang: Lang, fillers: Record<string, number>): string {
  const entries = Object.entries(fillers);
  return entries.length === 0 ? voiceText(lang, 'fillersNone') : entries.map(([word, count]) => `${word} ×${count}`).join(lang === 'en' ? ', ' : '、');
}

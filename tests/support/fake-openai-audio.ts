/**
 * The audio half of the fake OpenAI API: `POST /v1/audio/transcriptions` reads the multipart form
 * the openai SDK sends (file, model, language, response_format) and keeps the uploaded bytes, so a
 * test can check the recording really arrived; `POST /v1/audio/speech` answers with MP3-framed bytes.
 */

interface MultipartPart {
  name: string;
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

/** One received transcription request: its form fields and the audio file exactly as uploaded. */
export interface TranscriptionUpload {
  model: string;
  language?: string;
  responseFormat?: string;
  fileName: string;
  contentType: string;
  audio: Buffer;
}

/** Splits a multipart/form-data body into its parts; throws on a body that is not one. */
function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw new Error('fake-openai: multipart body without a boundary');
  const delimiter = Buffer.from(`--${marker}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF before the next delimiter.
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
      if (name !== undefined) {
        parts.push({ name, data: part.subarray(headerEnd + 4), ...(fileName !== undefined ? { fileName } : {}), ...(type ? { contentType: type.trim() } : {}) });
      }
    }
    start = next;
  }
  return parts;
}

export function transcriptionUploadOf(body: Buffer, contentType: string): TranscriptionUpload {
  const parts = parseMultipart(body, contentType);
  const field = (name: string) => parts.find((part) => part.name === name && part.fileName === undefined)?.data.toString('utf8');
  const file = parts.find((part) => part.name === 'file' && part.fileName !== undefined);
  if (!file) throw new Error('fake-openai: transcription request without a file part');
  const language = field('language');
  const responseFormat = field('response_format');
  return {
    model: field('model') ?? '',
    ...(language ? { language } : {}),
    ...(responseFormat ? { responseFormat } : {}),
    fileName: file.fileName ?? '',
    contentType: file.contentType ?? '',
    audio: Buffer.from(file.data),
  };
}

/** A few bytes a player recognises as MP3 (an ID3 header and one frame sync); enough for the API's contract. */
export const fakeSpeechAudio = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(412)]);

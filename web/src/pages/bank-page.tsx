import { useEffect, useMemo, useState } from 'preact/hooks';
import { bankApi, type BankCard, type CardList } from '../bank-api.ts';
import { CardBody, CardChips, ReviewLine } from '../components/bank-card.tsx';
import { CardEditor } from '../components/card-editor.tsx';
import { CompilePanel } from '../components/compile-panel.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { useI18n } from '../i18n.ts';
import { links, navigate } from '../router.ts';

type Grouping = 'topic' | 'file';

/** Does the card mention every word typed, in what the page shows of it? */
function matches(card: BankCard, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [card.question, ...card.variants, card.context, card.reference, card.code ?? '', card.source, card.heading, ...card.keyPoints.map((point) => point.text)]
    .join('\n')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/**
 * 题库: every card by topic or by file, searchable, each with its reference, key points and
 * history, and an editor for the owner's fixes. `focusId` (#/bank/<id>, e.g. from a grade card's
 * "这题有问题") opens that card's editor at the top.
 */
export function BankPage({ focusId }: { focusId?: string | undefined }) {
  const { t, topicName } = useI18n();
  const [list, setList] = useState<CardList>();
  const [error, setError] = useState<unknown>();
  const [query, setQuery] = useState('');
  const [topic, setTopic] = useState('');
  const [file, setFile] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('topic');
  const [editing, setEditing] = useState<string | undefined>(focusId);
  const [savedId, setSavedId] = useState<string>();
  const [importNote, setImportNote] = useState<string>();

  const load = () => {
    setError(undefined);
    bankApi.cards().then(setList, setError);
  };
  useEffect(load, []);
  useEffect(() => setEditing(focusId), [focusId]);

  const shown = useMemo(
    () => (list?.cards ?? []).filter((card) => (!topic || card.topics.includes(topic)) && (!file || card.source === file) && matches(card, query)),
    [list, topic, file, query],
  );
  const groups = useMemo(() => {
    const byKey = new Map<string, BankCard[]>();
    for (const card of shown) {
      // A card of several topics is listed once: under the chosen topic, else its first.
      const key = grouping === 'file' ? card.source : topic || (card.topics[0] ?? '');
      byKey.set(key, [...(byKey.get(key) ?? []), card]);
    }
    return [...byKey.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [shown, grouping, topic]);
  const topics = useMemo(() => [...new Set((list?.cards ?? []).flatMap((card) => card.topics))].sort(), [list]);
  const askable = useMemo(() => (list?.cards ?? []).filter((card) => card.asked || card.overlay?.mergedInto), [list]);
  const focused = focusId ? list?.cards.find((card) => card.id === focusId) : undefined;

  const saved = (card: BankCard) => {
    setSavedId(card.id);
    setEditing(undefined);
    load();
  };
  const importFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    try {
      const result = await bankApi.importOverlays(await chosen.text());
      setImportNote(t('bankImported', { n: result.imported }));
      load();
    } catch (failure) {
      setError(failure);
    }
    input.value = '';
  };

  const editorFor = (card: BankCard) => (
    <CardEditor card={card} others={askable} onSaved={saved} onCancel={() => (focusId ? navigate(links.bank()) : setEditing(undefined))} />
  );

  return (
    <section class="page bank">
      <h1 tabIndex={-1}>{t('bankTitle')}</h1>
      <p class="lead">{t('bankIntro')}</p>
      {error ? <ErrorBanner error={error} onRetry={load} /> : null}
      {focused ? (
        <article class="card bank-focus" data-card-id={focused.id}>
          <h2 class="plain">{focused.question}</h2>
          <CardChips card={focused} />
          {savedId === focused.id ? (
            <p class="notice" role="status">
              {t('bankSaved')} <a href="#/" onClick={(event) => (event.preventDefault(), history.back())}>{t('bankBack')}</a>
            </p>
          ) : null}
          {editing === focused.id ? (
            editorFor(focused)
          ) : (
            <>
              <CardBody card={focused} />
              <button type="button" class="btn btn-small" onClick={() => setEditing(focused.id)}>
                {t('bankEdit')}
              </button>
            </>
          )}
        </article>
      ) : null}
      <div class="bank-tools">
        <input type="search" class="bank-search" placeholder={t('bankSearch')} aria-label={t('bankSearch')} value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        <select aria-label={t('bankAllTopics')} value={topic} onChange={(event) => setTopic(event.currentTarget.value)}>
          <option value="">{t('bankAllTopics')}</option>
          {topics.map((id) => (
            <option key={id} value={id}>
              {topicName(id)}
            </option>
          ))}
        </select>
        <select aria-label={t('bankAllFiles')} value={file} onChange={(event) => setFile(event.currentTarget.value)}>
          <option value="">{t('bankAllFiles')}</option>
          {(list?.files ?? []).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <span class="segmented" role="group" aria-label={t('bankGroupBy')}>
          {(['topic', 'file'] as const).map((value) => (
            <button key={value} type="button" class="btn btn-small" aria-pressed={grouping === value} onClick={() => setGrouping(value)}>
              {value === 'topic' ? t('bankByTopic') : t('bankByFile')}
            </button>
          ))}
        </span>
        <a class="btn btn-small" href={bankApi.exportUrl} download>
          {t('bankExport')}
        </a>
        <label class="btn btn-small file-button">
          {t('bankImport')}
          <input type="file" accept="application/json,.json" class="sr-only" onChange={(event) => void importFile(event.currentTarget)} />
        </label>
      </div>
      {importNote ? <p class="notice" role="status">{importNote}</p> : null}
      {list && list.orphans.length > 0 ? (
        <section class="card bank-orphans">
          <p class="notice">{t('bankOrphans')}</p>
          <ul>
            {list.orphans.map((orphan) => (
              <li key={orphan.cardId}>
                <span class="plain">{orphan.overlay.question ?? orphan.overlay.keyPoints?.[0]?.text ?? orphan.cardId}</span>{' '}
                <button type="button" class="btn btn-small" onClick={() => bankApi.dropOrphan(orphan.cardId).then(load, setError)}>
                  {t('bankOrphanDrop')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <CompilePanel onFinished={load} />
      {!list && !error ? <p class="muted">{t('loading')}</p> : null}
      {list ? <p class="muted small" data-testid="bank-count">{t('bankCount', { total: list.total, shown: shown.length })}</p> : null}
      {list && shown.length === 0 ? <p class="muted">{t('bankNoMatch')}</p> : null}
      {groups.map(([key, cards]) => (
        <section key={key} class="bank-group">
          <h2>
            {grouping === 'topic' ? topicName(key) : key} <span class="count">{cards.length}</span>
          </h2>
          <ul class="card-list">
            {cards.map((card) => (
              <BankListItem key={card.id} card={card} editing={editing === card.id && card.id !== focused?.id} saved={savedId === card.id} onEdit={() => setEditing(card.id)} editor={editorFor} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/** One card of the list; its body renders only when opened, so a large bank stays quick. */
function BankListItem({ card, editing, saved, onEdit, editor }: { card: BankCard; editing: boolean; saved: boolean; onEdit: () => void; editor: (card: BankCard) => preact.JSX.Element }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <li class="card bank-card" data-card-id={card.id}>
      {/* Open state is the component's own: the native toggle would fight re-renders that open the editor. */}
      <details open={open || editing}>
        <summary
          onClick={(event) => {
            event.preventDefault();
            setOpen(!(open || editing));
          }}
        >
          <span class="plain bank-question">{card.question}</span>
          <CardChips card={card} />
          {card.review ? <ReviewLine review={card.review} /> : null}
        </summary>
        {saved ? (
          <p class="notice" role="status">
            {t('bankSaved')}
          </p>
        ) : null}
        {editing ? editor(card) : open ? (
          <>
            <CardBody card={card} />
            <button type="button" class="btn btn-small" onClick={onEdit}>
              {t('bankEdit')}
            </button>
          </>
        ) : null}
      </details>
    </li>
  );
}

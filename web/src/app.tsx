import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type Health, type Topic } from './api.ts';
import { documentLang, I18nContext, initialLang, makeI18n, persistLang, useI18n, type Lang } from './i18n.ts';
import { links, useRoute, type Route } from './router.ts';
import { AppDataContext, type AppData } from './app-data.ts';
import { StartPage } from './pages/start-page.tsx';
import { SessionPage } from './pages/session-page.tsx';
import { ReportPage } from './pages/report-page.tsx';
import { HistoryPage } from './pages/history-page.tsx';
import { DrillPage, DrillStartPage } from './pages/drill-page.tsx';
import { ProgressPage } from './pages/progress-page.tsx';
import { BankPage } from './pages/bank-page.tsx';

export function App() {
  const route = useRoute();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [health, setHealth] = useState<Health | undefined>();
  const [healthError, setHealthError] = useState<unknown>();
  const [topics, setTopics] = useState<Topic[] | undefined>();
  const [topicsError, setTopicsError] = useState<unknown>();

  const loadTopics = () => {
    setTopicsError(undefined);
    api.topics().then(setTopics, setTopicsError);
  };
  // Before paint, so screen readers never announce English text with a Chinese lang attribute.
  useLayoutEffect(() => {
    document.documentElement.lang = documentLang(lang);
  }, [lang]);
  const toggleLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    persistLang(next);
    setLang(next);
  };
  useEffect(() => {
    api.health().then(setHealth, setHealthError);
    loadTopics();
  }, []);

  const topicNames = useMemo(() => new Map((topics ?? []).map((topic) => [topic.id, topic.name])), [topics]);
  const i18n = useMemo(() => makeI18n(lang, topicNames), [lang, topicNames]);
  const data: AppData = { health, topics, topicsError, reloadTopics: loadTopics };

  // Moving focus to the new page's heading tells keyboard and screen-reader users the view changed.
  const firstRoute = useRef(true);
  const routeKey = JSON.stringify(route);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [routeKey]);

  useEffect(() => {
    document.title = `${i18n.t('appName')} MianBa`;
  }, [i18n]);

  return (
    <I18nContext.Provider value={i18n}>
      <AppDataContext.Provider value={data}>
        <a class="skip-link" href="#main" onClick={skipToMain}>
          {i18n.t('skipToContent')}
        </a>
        <Header route={route} health={health} healthError={healthError} onToggleLang={toggleLang} />
        <main id="main" tabIndex={-1}>
          <Page route={route} />
        </main>
      </AppDataContext.Provider>
    </I18nContext.Provider>
  );
}

function skipToMain(event: MouseEvent) {
  // The hash is the router's; focus the main region instead of navigating.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'session':
      return <SessionPage key={route.id} id={route.id} />;
    case 'report':
      return <ReportPage key={route.id} id={route.id} />;
    case 'history':
      return <HistoryPage />;
    case 'drill':
      return <DrillPage />;
    case 'drill-start':
      return <DrillStartPage key={route.topic} topic={route.topic} />;
    case 'progress':
      return <ProgressPage />;
    case 'bank':
      return <BankPage focusId={route.cardId} />;
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section class="page">
      <h1 tabIndex={-1}>{t('notFound')}</h1>
      <a class="btn" href={links.start()}>
        {t('backHome')}
      </a>
    </section>
  );
}

function Header({
  route,
  health,
  healthError,
  onToggleLang,
}: {
  route: Route;
  health: Health | undefined;
  healthError: unknown;
  onToggleLang: () => void;
}) {
  const { t, lang } = useI18n();
  const current = (names: Route['name'][]) => (names.includes(route.name) ? 'page' : undefined);
  const reason = health?.reason ?? health?.modeReason ?? '';
  const badgeText = health ? (health.mode === 'llm' ? t('modeLlm') : t('modeOffline')) : healthError ? '?' : t('modeUnknown');
  return (
    <header class="topbar">
      <a class="brand" href={links.start()}>
        <span class="brand-mark" aria-hidden="true">
          面
        </span>
        <span>
          {t('appName')}
          {lang === 'zh' ? <span class="brand-latin"> MianBa</span> : null}
        </span>
      </a>
      <nav aria-label="MianBa">
        <a href={links.start()} aria-current={current(['start'])}>
          {t('navStart')}
        </a>
        <a href={links.history()} aria-current={current(['history'])}>
          {t('navHistory')}
        </a>
        <a href={links.drill()} aria-current={current(['drill', 'drill-start'])}>
          {t('navDrill')}
        </a>
        <a href={links.progress()} aria-current={current(['progress'])}>
          {t('navProgress')}
        </a>
        <a href={links.bank()} aria-current={current(['bank'])}>
          {t('navBank')}
        </a>
      </nav>
      <div class="topbar-tools">
        <span
          class={`badge ${health?.mode === 'llm' ? 'badge-llm' : 'badge-offline'}`}
          title={reason || undefined}
          data-testid="mode-badge"
        >
          <span class="sr-only">{t('modeBadgeLabel')}: </span>
          {badgeText}
          {reason ? <span class="sr-only"> ({reason})</span> : null}
        </span>
        <button type="button" class="btn btn-small" onClick={onToggleLang} aria-label={t('switchLangLabel')} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {t('switchLang')}
        </button>
      </div>
    </header>
  );
}

// The resident's wallet (issue 6): sign in with the phone, bind the identity, then every card
// with its chip, the live QR of one card, and the applications. In elderly mode a holder with one
// card sees it directly after signing in.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Tabs } from 'antd-mobile';
import type { Static } from 'typebox';
import type { Profile } from '../../src/http/schemas/me.ts';
import i18next from 'i18next';
import { ApiError, get, onSessionEnded, post, put } from '../shared/api.ts';
import { isLanguage } from '../shared/i18n.ts';
import { useElderlyMode } from '../shared/elderly-mode.tsx';
import { MobileProvider } from '../shared/mobile.tsx';
import { PageHeader } from '../shared/page-header.tsx';
import { Login } from './login.tsx';
import { BindIdentity } from './bind-identity.tsx';
import { CardList } from './cards.tsx';
import { CardView } from './card-view.tsx';
import { Applications } from './applications.tsx';
import { AccessLog } from './access-log.tsx';
import { Appointments } from './appointments.tsx';
import { bookingLeftOpen } from './book-appointment.tsx';
import {
  ApplyForm,
  forgetDrafts,
  rememberOpenForm,
  savedOpenForm,
  submittedText,
  type FormRequest,
} from './apply-form.tsx';
import { chipOf, isShowable, type Card } from './card-status.ts';
import './wallet.css';

type Me = Static<typeof Profile>;
/** Tells one signed-in person from another on the same phone, for their drafts. */
const ownerOf = (me: Me) => `${me.phoneTail ?? ''}|${me.idNumberTail ?? ''}`;
type Tab = 'cards' | 'applications' | 'appointments' | 'accessLog';

export function App() {
  const { t } = useTranslation();
  const { elderly } = useElderlyMode();
  const [me, setMe] = useState<Me | null>(); // undefined: still asking; null: signed out
  const [notice, setNotice] = useState<string>();
  const [tab, setTab] = useState<Tab>('cards');
  const [shown, setShown] = useState<Card>();
  // A form left open (reloaded, or the network dropped) opens again with its draft, once the
  // person is known to be the one who left it.
  const [form, setForm] = useState<FormRequest>();
  const [applied, setApplied] = useState<string>();
  const openForm = (r: FormRequest | undefined) => {
    if (me) rememberOpenForm(r, ownerOf(me));
    setForm(r);
    window.scrollTo(0, 0);
  };

  const loadMe = useCallback(
    async (justSignedIn = false) => {
      try {
        const profile = await get<Me>('/me');
        setMe(profile);
        setForm(savedOpenForm(ownerOf(profile)));
        if (bookingLeftOpen(ownerOf(profile))) setTab('appointments');
        if (justSignedIn && elderly && profile.identityBound) {
          const cards = await get<Card[]>('/me/cards');
          const own = cards.filter((c) => !c.ward && isShowable(chipOf(c)));
          if (own.length === 1) setShown(own[0]);
        }
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else setNotice(e instanceof ApiError ? e.message : String(e));
      }
    },
    [elderly],
  );

  useEffect(() => {
    void loadMe();
    return onSessionEnded(() => {
      // Drafts stay for the same person signing in again; they are theirs alone (ownerOf).
      setForm(undefined);
      setMe(null);
      setShown(undefined);
      setNotice(t('common.errors.sessionEnded'));
    });
    // once per page load: the listener lives as long as the page
  }, []);

  // The SMS the platform sends are in the language the resident reads the wallet in: a switch
  // while signed in is told to the server (signing in tells it too).
  const signedIn = Boolean(me);
  useEffect(() => {
    if (!signedIn) return;
    const tell = (language: string) => {
      if (isLanguage(language)) void put('/me/language', { language }).catch(() => undefined);
    };
    i18next.on('languageChanged', tell);
    return () => i18next.off('languageChanged', tell);
  }, [signedIn]);

  const logout = async () => {
    await post('/auth/logout').catch(() => undefined); // signed out here whatever the server says
    forgetDrafts();
    setForm(undefined);
    setMe(null);
    setShown(undefined);
  };

  const actions = me ? (
    <Button size="small" onClick={() => void logout()}>
      {t('common.logout')}
    </Button>
  ) : undefined;

  return (
    <MobileProvider>
      <PageHeader title={t('wallet.title')} actions={actions} />
      <main className="jz-main">
        {notice && (
          <p className="jz-surface" role="status">
            {notice}
          </p>
        )}
        {me === undefined && <p role="status">{t('common.loading')}</p>}
        {me === null && (
          <Login
            onSignedIn={() => {
              setNotice(undefined);
              void loadMe(true);
            }}
          />
        )}
        {me && !me.identityBound && <BindIdentity onBound={() => void loadMe(true)} />}
        {me?.identityBound && shown && (
          <>
            <Button onClick={() => setShown(undefined)}>{`‹ ${t('common.back')}`}</Button>
            <CardView card={shown} me={me} />
          </>
        )}
        {me?.identityBound && !shown && form && (
          <ApplyForm
            key={`${form.type}-${form.card?.id ?? ''}`}
            request={form}
            owner={ownerOf(me)}
            onCancel={() => openForm(undefined)}
            onDone={(a) => {
              openForm(undefined);
              setApplied(submittedText(a, t));
              setTab('applications');
            }}
          />
        )}
        {me?.identityBound && !shown && !form && (
          <Tabs activeKey={tab} onChange={(k) => setTab(k as Tab)}>
            <Tabs.Tab title={t('wallet.tabs.cards')} key="cards">
              <CardList onShow={setShown} onApply={openForm} />
            </Tabs.Tab>
            <Tabs.Tab title={t('wallet.tabs.applications')} key="applications">
              <Applications onCardIssued={() => setTab('cards')} onApply={openForm} notice={applied} />
            </Tabs.Tab>
            <Tabs.Tab title={t('wallet.tabs.appointments')} key="appointments">
              <Appointments owner={ownerOf(me)} />
            </Tabs.Tab>
            <Tabs.Tab title={t('wallet.tabs.accessLog')} key="accessLog">
              <AccessLog />
            </Tabs.Tab>
          </Tabs>
        )}
      </main>
    </MobileProvider>
  );
}

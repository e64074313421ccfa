import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { trashMedia } from '@/db/media/library';
import { publicSiteSettings, currentSiteSettings, saveSiteSettings } from '@/db/site-settings';
import { auditEvents, cdnPurges, media, users } from '@/db/schema';
import { EMPTY_SETTINGS, e164, type SiteSettingsValues, telHref } from '@/lib/site-settings';
import { makeTestDatabase } from '../helpers/db';
import { insertMediaRow } from '../helpers/media-rows';

let t: ReturnType<typeof makeTestDatabase>;
let admin: { userId: number; ip: string };
let editor: { userId: number; ip: string };

beforeEach(async () => {
  t = makeTestDatabase();
  const add = async (email: string, role: 'admin' | 'editor') =>
    ((await insertUserRow(t.db, { email, name: email, role, password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null })) as { id: number }).id;
  admin = { userId: await add('admin@iom.int', 'admin'), ip: '127.0.0.1' };
  editor = { userId: await add('editor@iom.int', 'editor'), ip: '127.0.0.1' };
});
afterEach(() => {
  vi.unstubAllEnvs();
  t.close();
});

const FILLED: SiteSettingsValues = {
  ...EMPTY_SETTINGS,
  addressEn: '  Rruga  Example 1\r\n\nTirana ',
  addressSq: 'Rruga Example 1\nTiranë',
  openingHoursEn: 'Monday to Friday, 08:30–17:00',
  openingHoursSq: 'E hënë – e premte, 08:30–17:00',
  email: ' Office@Example.org ',
  phones: [
    { number: '+355 4 225 7836', labelEn: 'Reception', labelSq: 'Recepsioni' },
    { number: '', labelEn: '', labelSq: '' },
    { number: '069 123 4567', labelEn: '', labelSq: '' },
  ],
  mediaName: 'Arta Hoxha',
  mediaPhone: '00355 69 765 4321',
  mediaEmail: 'press@example.org',
  mapUrl: 'https://www.openstreetmap.org/?mlat=41.3275&mlon=19.8187#map=17/41.3275/19.8187',
  facebookUrl: 'https://www.facebook.com/IOMAlbania',
  xUrl: 'https://x.com/IOMAlbania',
  linkedinUrl: '',
  instagramUrl: 'https://www.instagram.com/iomalbania/',
  youtubeUrl: 'https://www.youtube.com/@IOMAlbania',
};

const save = (values: Partial<SiteSettingsValues>, baseVersion: number, actor = admin) => saveSiteSettings(t.db, actor, { ...FILLED, ...values }, baseVersion);

describe('phone numbers', () => {
  it('become E.164 from the international and the Albanian national form', () => {
    expect(e164('+355 4 225 7836')).toBe('+35542257836');
    expect(e164('00355 (4) 225-7836')).toBe('+35542257836');
    expect(e164('04 225 7836')).toBe('+35542257836');
    expect(telHref('069.123.4567')).toBe('tel:+355691234567');
    for (const bad of ['225 7836', '+355', '+0 123 456 789', 'call us', '+355 4 225 7836 ext 2', 'javascript:alert(1)']) expect(e164(bad)).toBeNull();
  });
});

describe('saving the settings', () => {
  it('starts empty at version 0 and saves tidied values as version 1', () => {
    expect(currentSiteSettings(t.db)).toMatchObject({ ...EMPTY_SETTINGS, version: 0 });
    expect(save({}, 0)).toEqual({ ok: true, version: 1 });
    const saved = currentSiteSettings(t.db);
    expect(saved).toMatchObject({
      version: 1,
      addressEn: 'Rruga Example 1\nTirana',
      email: 'office@example.org',
      phones: [
        { number: '+355 4 225 7836', labelEn: 'Reception', labelSq: 'Recepsioni' },
        { number: '069 123 4567', labelEn: '', labelSq: '' },
      ],
    });
  });

  it('refuses a save from an older version and returns the newer values; the loser’s values are not written', () => {
    expect(save({}, 0)).toMatchObject({ ok: true, version: 1 });
    expect(save({ email: 'first@example.org' }, 1)).toMatchObject({ ok: true, version: 2 });
    const late = save({ email: 'second@example.org' }, 1);
    expect(late).toMatchObject({ ok: false, error: 'stale', current: { version: 2, email: 'first@example.org' } });
    expect(currentSiteSettings(t.db).email).toBe('first@example.org');
    // Saving over it on purpose: from the version the refusal showed.
    expect(save({ email: 'second@example.org' }, 2)).toMatchObject({ ok: true, version: 3 });
  });

  it('refuses an editor, and an administrator demoted since their session was checked', () => {
    expect(save({}, 0, editor)).toEqual({ ok: false, error: 'forbidden' });
    t.db.update(users).set({ role: 'editor' }).where(eq(users.id, admin.userId)).run();
    expect(save({}, 0)).toEqual({ ok: false, error: 'forbidden' });
    expect(currentSiteSettings(t.db).version).toBe(0);
  });

  it('names each refused field: forged links, bad numbers and emails, over-long texts', () => {
    const result = save(
      {
        addressSq: 'x'.repeat(501),
        email: 'not an email',
        phones: [
          { number: 'call us', labelEn: '', labelSq: '' },
          { number: '', labelEn: 'Reception', labelSq: '' },
          { number: '+355 4 225 7836', labelEn: 'y'.repeat(81), labelSq: '' },
        ],
        mediaPhone: '12345',
        mapUrl: 'javascript:alert(1)',
        facebookUrl: 'https://www.facebook.com.evil.example/IOM',
        xUrl: 'http://x.com/IOMAlbania',
        linkedinUrl: 'https://user:pw@www.linkedin.com/company/iom',
        instagramUrl: `https://www.instagram.com/${'a'.repeat(600)}`,
        youtubeUrl: 'https://www.youtube.com/',
      },
      0,
    );
    expect(result).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: {
        addressSq: 'tooLong',
        email: 'email',
        'phones.0.number': 'phone',
        'phones.1.number': 'phoneMissing',
        'phones.2.labelEn': 'tooLong',
        mediaPhone: 'phone',
        mapUrl: 'mapUrl',
        facebookUrl: 'socialUrl',
        xUrl: 'socialUrl',
        linkedinUrl: 'socialUrl',
        instagramUrl: 'tooLong',
        youtubeUrl: 'socialUrl',
      },
    });
    expect(currentSiteSettings(t.db).version).toBe(0);
  });

  it('takes only OpenStreetMap over https as the map link', () => {
    for (const bad of ['https://maps.google.com/?q=IOM', 'http://www.openstreetmap.org/#map=17/41.3/19.8', 'https://openstreetmap.org.evil.example/x', 'https://www.openstreetmap.org:8443/x', 'www.openstreetmap.org/x']) {
      expect(save({ mapUrl: bad }, 0)).toMatchObject({ ok: false, fieldErrors: { mapUrl: 'mapUrl' } });
    }
    expect(save({ mapUrl: 'https://openstreetmap.org/node/123' }, 0)).toMatchObject({ ok: true });
  });

  it('takes a share image and a logo from the library, and refuses a document or a missing one', () => {
    const image = insertMediaRow(t.db, 1, { en: 'The office' });
    const pdf = insertMediaRow(t.db, 2, {}, 'document');
    expect(save({ shareImageId: pdf, logoId: 9999 }, 0)).toMatchObject({ ok: false, fieldErrors: { shareImageId: 'notImage', logoId: 'imageNotFound' } });
    expect(save({ shareImageId: image, logoId: image }, 0)).toMatchObject({ ok: true });
    // In use: the library will not put it in the trash.
    expect(trashMedia(t.db, admin, image)).toMatchObject({ ok: false, error: 'inUse', usages: [{ entityType: 'settings', role: 'shareImage' }, { entityType: 'settings', role: 'logo' }] });
    expect(t.db.select({ deletedAt: media.deletedAt }).from(media).where(eq(media.id, image)).get()?.deletedAt).toBeNull();
  });

  it('is audit-logged with the names of the changed fields, and purges every public page from the CDN in the same transaction', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    save({}, 0);
    save({ email: 'new@example.org', xUrl: '' }, 1);
    const events = t.db.select({ action: auditEvents.action, details: auditEvents.details, userId: auditEvents.userId }).from(auditEvents).where(eq(auditEvents.action, 'settings.update')).all();
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[1]!.details!)).toEqual({ version: 2, changed: 'email,xUrl' });
    expect(events[1]!.userId).toBe(admin.userId);
    expect(t.db.select({ tags: cdnPurges.tags }).from(cdnPurges).all()).toEqual([{ tags: 'site' }, { tags: 'site' }]);
    // A refused save queues nothing.
    save({ email: 'late@example.org' }, 1);
    expect(t.db.select().from(cdnPurges).all()).toHaveLength(2);
  });
});

describe('what the public pages show', () => {
  it('gives each language its texts, dialable numbers and only the accounts that are set', () => {
    const share = insertMediaRow(t.db, 3, { sq: 'Zyra e IOM-it' });
    save({ shareImageId: share }, 0);
    const sq = publicSiteSettings(t.db, 'sq');
    expect(sq).toMatchObject({
      address: 'Rruga Example 1\nTiranë',
      openingHours: 'E hënë – e premte, 08:30–17:00',
      email: 'office@example.org',
      phones: [
        { number: '+355 4 225 7836', href: 'tel:+35542257836', label: 'Recepsioni' },
        { number: '069 123 4567', href: 'tel:+355691234567', label: '' },
      ],
      media: { name: 'Arta Hoxha', phone: { href: 'tel:+355697654321' }, email: 'press@example.org' },
      social: [
        { network: 'facebook', url: 'https://www.facebook.com/IOMAlbania' },
        { network: 'x', url: 'https://x.com/IOMAlbania' },
        { network: 'instagram', url: 'https://www.instagram.com/iomalbania/' },
        { network: 'youtube', url: 'https://www.youtube.com/@IOMAlbania' },
      ],
      shareImage: { width: 320, height: 240, type: 'image/jpeg', alt: 'Zyra e IOM-it' },
      logo: null,
    });
    expect(publicSiteSettings(t.db, 'en')).toMatchObject({ address: 'Rruga Example 1\nTirana', phones: [{ label: 'Reception' }, { label: '' }], shareImage: { alt: '' } });
  });

  it('is all empty before the first save', () => {
    expect(publicSiteSettings(t.db, 'en')).toEqual({
      address: '',
      openingHours: '',
      email: '',
      phones: [],
      media: { name: '', phone: null, email: '' },
      mapUrl: '',
      social: [],
      shareImage: null,
      logo: null,
    });
  });
});

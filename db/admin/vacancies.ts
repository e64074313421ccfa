import 'server-only';
import type { Locale } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/session';
import type { PublicationRequest } from '../content/common';
import {
  createVacancy as createVacancyItem,
  vacanciesForStaff,
  saveVacancyShared as saveShared,
  type VacancyFields,
  vacancyForEditor,
  type VacancyShared,
  vacancyWrites,
} from '../content/vacancy-writes';
import { getDb } from '../index';
import { vacancyForPreview } from '../queries/vacancies';

/**
 * Staff reads and writes of vacancies: each checks the caller first, then
 * calls the core (db/content/translated.ts) with the vacancy declaration.
 */

async function actor(ip: string | null, role?: 'admin') {
  const user = await requireUser(role);
  return { userId: user.id, ip };
}

export async function vacancyList() {
  await requireUser();
  return vacanciesForStaff(getDb());
}

export async function vacancy(itemId: number) {
  await requireUser();
  return vacancyForEditor(getDb(), itemId);
}

export async function createVacancy(shared: VacancyShared, ip: string | null) {
  return createVacancyItem(getDb(), await actor(ip), shared);
}

export async function saveVacancyShared(input: { itemId: number; baseVersion: number; shared: VacancyShared }, ip: string | null) {
  return saveShared(getDb(), await actor(ip), input);
}

export async function saveVacancyTranslation(input: { itemId: number; locale: Locale; baseVersion: number | null; fields: VacancyFields; publication: PublicationRequest }, ip: string | null) {
  return vacancyWrites.save(getDb(), await actor(ip), input);
}

export async function confirmVacancyTranslation(itemId: number, locale: Locale, ip: string | null) {
  return vacancyWrites.confirm(getDb(), await actor(ip), itemId, locale);
}

export async function restoreVacancyRevision(input: { itemId: number; revisionId: number; baseVersion: number }, ip: string | null) {
  return vacancyWrites.restoreRevision(getDb(), await actor(ip), input);
}

/** Any staff member may move a vacancy to the trash; only admins see, restore and empty it. */
export async function trashVacancy(itemId: number, ip: string | null) {
  return vacancyWrites.trash(getDb(), await actor(ip), itemId);
}

export async function vacancyTrash() {
  await requireUser('admin');
  return vacancyWrites.listTrash(getDb());
}

export async function restoreVacancy(itemId: number, ip: string | null) {
  return vacancyWrites.restore(getDb(), await actor(ip, 'admin'), itemId);
}

export async function deleteVacanciesForever(itemIds: number[] | 'all', ip: string | null) {
  return vacancyWrites.deleteForever(getDb(), await actor(ip, 'admin'), itemIds);
}

/** One language of a vacancy as the public page would show it, for staff only. */
export async function vacancyPreview(itemId: number, locale: Locale) {
  await requireUser();
  return vacancyForPreview(getDb(), itemId, locale);
}

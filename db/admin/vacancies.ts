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
import { signedInActor } from './actor';
import { vacancyForPreview } from '../queries/vacancies';

/**
 * Staff reads and writes of vacancies: each checks the caller first, then
 * calls the core (db/content/translated.ts) with the vacancy declaration.
 */

export async function vacancyList() {
  await requireUser();
  return vacanciesForStaff(getDb());
}

export async function vacancy(itemId: number) {
  await requireUser();
  return vacancyForEditor(getDb(), itemId);
}

export async function createVacancy(shared: VacancyShared, ip: string | null) {
  return createVacancyItem(getDb(), await signedInActor(ip), shared);
}

export async function saveVacancyShared(input: { itemId: number; baseVersion: number; shared: VacancyShared }, ip: string | null) {
  return saveShared(getDb(), await signedInActor(ip), input);
}

export async function saveVacancyTranslation(input: { itemId: number; locale: Locale; baseVersion: number | null; fields: VacancyFields; publication: PublicationRequest }, ip: string | null) {
  return vacancyWrites.save(getDb(), await signedInActor(ip), input);
}

export async function confirmVacancyTranslation(itemId: number, locale: Locale, ip: string | null) {
  return vacancyWrites.confirm(getDb(), await signedInActor(ip), itemId, locale);
}

export async function restoreVacancyRevision(input: { itemId: number; revisionId: number; baseVersion: number }, ip: string | null) {
  return vacancyWrites.restoreRevision(getDb(), await signedInActor(ip), input);
}

/** Any staff member may move a vacancy to the trash; only admins see, restore and empty it. */
export async function trashVacancy(itemId: number, ip: string | null) {
  return vacancyWrites.trash(getDb(), await signedInActor(ip), itemId);
}

export async function vacancyTrash() {
  await requireUser('admin');
  return vacancyWrites.listTrash(getDb());
}

export async function restoreVacancy(itemId: number, ip: string | null) {
  return vacancyWrites.restore(getDb(), await signedInActor(ip, 'admin'), itemId);
}

export async function deleteVacanciesForever(itemIds: number[] | 'all', ip: string | null) {
  return vacancyWrites.deleteForever(getDb(), await signedInActor(ip, 'admin'), itemIds);
}

/** One language of a vacancy as the public page would show it, for staff only. */
export async function vacancyPreview(itemId: number, locale: Locale) {
  await requireUser();
  return vacancyForPreview(getDb(), itemId, locale);
}

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { PaperdropDatabase } from '../renderer/db/database';
import { AppStatusStore } from '../renderer/sync/app-status';
import { describeOpenFailure, openLibrary } from '../renderer/sync/library-open';
import { writeUnupgradableLibrary } from './damaged-library';

describe('opening the library', () => {
  it('says why, when an upgrade fails, and leaves the library as it was', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await writeUnupgradableLibrary('open-damaged');
    const status = new AppStatusStore();
    await openLibrary(new PaperdropDatabase('open-damaged'), status);
    expect(status.get().libraryFailure).toMatch(/^Cannot read properties of null .*updating the library to the new version failed; the library was left as it was/u);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
    // Still at version 1, with its paper and marks.
    const asItWas = new Dexie('open-damaged');
    await asItWas.open();
    expect(asItWas.verno).toBe(1);
    expect(await asItWas.table('papers').get('damaged')).toMatchObject({ title: 'Damaged' });
    expect(await asItWas.table('states').get('damaged')).toMatchObject({ read: 1, starred: 1 });
    asItWas.close();
  });

  it('says nothing when the library opens', async () => {
    const status = new AppStatusStore();
    await openLibrary(new PaperdropDatabase('open-healthy'), status);
    expect(status.get().libraryFailure).toBeNull();
  });

  it('tells a reader what to do about a browser without IndexedDB, a full disk or a newer library', () => {
    const failure = (name: string) => describeOpenFailure(Object.assign(new Error('details'), { name }));
    expect(failure('MissingAPIError')).toMatch(/no IndexedDB/u);
    expect(failure('QuotaExceededError')).toMatch(/free some disk space/u);
    expect(failure('VersionError')).toMatch(/newer version of Paperdrop: update Paperdrop/u);
    expect(failure('UnknownError')).toMatch(/^details\. If Paperdrop was just updated/u);
    expect(describeOpenFailure(new Error('The disk went away.'))).toMatch(/^The disk went away\. If/u);
  });
});

/**
 * The settings the window changes and keeps (main stores them): the export profiles' adjustments,
 * whether heading levels are checked, autosave, and the UI language. Each change applies at once and
 * is sent to main; a setting that did not change is not sent.
 */
import { useCallback, useState } from 'react';
import type { Language, LecternApi, Settings } from '../../shared/ipc/contract';
import type { ProfileAdjustment } from '../../shared/export/profiles';
import { setLanguage } from '../i18n';

/** The settings as the window holds them, and the functions that change them. */
export interface WindowSettings {
  /** The user's adjustments of the export profiles, by profile, offered again next time. */
  profiles: Readonly<Record<string, ProfileAdjustment>>;
  checkLevels: boolean;
  autosave: boolean;
  /** Keeps `adjustment` as the profile's, for the next export. */
  keepProfile(profile: string, adjustment: ProfileAdjustment): void;
  setCheckLevels(enabled: boolean): void;
  setAutosave(enabled: boolean): void;
  /** Switches the UI language now and keeps it. */
  changeLanguage(language: Language): Promise<void>;
}

/** The window's settings, starting from `initial` (what main had when the window opened). */
export function useSettings(api: LecternApi, initial: Settings | undefined): WindowSettings {
  const [profiles, setProfiles] = useState<Readonly<Record<string, ProfileAdjustment>>>(initial?.profiles ?? {});
  const [checkLevels, setCheckLevelsState] = useState(initial?.checkLevels ?? true);
  const [autosave, setAutosaveState] = useState(initial?.autosave ?? false);
  const keepProfile = useCallback(
    (profile: string, adjustment: ProfileAdjustment) => {
      const next = { ...profiles, [profile]: adjustment };
      setProfiles(next);
      void api.setSettings({ profiles: next });
    },
    [api, profiles],
  );
  const setCheckLevels = useCallback(
    (enabled: boolean) => {
      if (enabled === checkLevels) return;
      setCheckLevelsState(enabled);
      void api.setSettings({ checkLevels: enabled });
    },
    [api, checkLevels],
  );
  const setAutosave = useCallback(
    (enabled: boolean) => {
      if (enabled === autosave) return;
      setAutosaveState(enabled);
      void api.setSettings({ autosave: enabled });
    },
    [api, autosave],
  );
  const changeLanguage = useCallback(
    async (language: Language) => {
      await setLanguage(language);
      await api.setSettings({ language });
    },
    [api],
  );
  return { profiles, checkLevels, autosave, keepProfile, setCheckLevels, setAutosave, changeLanguage };
}

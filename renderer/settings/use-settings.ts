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

/** An on/off setting (the level check, autosave): its value, and the function that switches it and tells main. */
function useSwitch(
  api: LecternApi,
  key: 'checkLevels' | 'autosave',
  initial: boolean,
): [boolean, (enabled: boolean) => void] {
  const [value, setValue] = useState(initial);
  const set = useCallback(
    (enabled: boolean) => {
      if (enabled === value) return;
      setValue(enabled);
      void api.setSettings({ [key]: enabled });
    },
    [api, key, value],
  );
  return [value, set];
}

/** The window's settings, starting from `initial` (what main had when the window opened). */
export function useSettings(api: LecternApi, initial: Settings | undefined): WindowSettings {
  const [profiles, setProfiles] = useState<Readonly<Record<string, ProfileAdjustment>>>(initial?.profiles ?? {});
  const [checkLevels, setCheckLevels] = useSwitch(api, 'checkLevels', initial?.checkLevels ?? true);
  const [autosave, setAutosave] = useSwitch(api, 'autosave', initial?.autosave ?? false);
  const keepProfile = useCallback(
    (profile: string, adjustment: ProfileAdjustment) => {
      const next = { ...profiles, [profile]: adjustment };
      setProfiles(next);
      void api.setSettings({ profiles: next });
    },
    [api, profiles],
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

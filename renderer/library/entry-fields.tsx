/**
 * The name, occasion and year of a library entry, as the save dialog and the retag form both ask
 * for them: the fields, and what they mean once typed (checked against the entry format's own
 * schemas).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OCCASIONS, entryNameSchema, yearSchema } from '../../shared/library/entry';

/** The fields as typed. */
export interface EntryFieldValues {
  name: string;
  occasion: string;
  year: string;
}

/** The year typed, as a number; undefined when the field is empty. */
export function typedYear(values: EntryFieldValues): number | undefined {
  return values.year.trim() ? Number(values.year) : undefined;
}

/** Whether the fields make a valid entry: a name, and a year the entry format accepts if one is given. */
export function entryFieldsValid(values: EntryFieldValues): boolean {
  const year = typedYear(values);
  return entryNameSchema.safeParse(values.name).success && (year === undefined || yearSchema.safeParse(year).success);
}

export function EntryFields({
  values,
  onChange,
}: {
  values: EntryFieldValues;
  onChange: (values: EntryFieldValues) => void;
}) {
  const { t } = useTranslation();
  const occasions = useId();
  return (
    <>
      <label>
        {t('library.name')}
        <input
          value={values.name}
          maxLength={100}
          onChange={(event) => onChange({ ...values, name: event.target.value })}
          autoFocus
        />
      </label>
      <label>
        {t('library.occasion')}
        <input
          value={values.occasion}
          maxLength={50}
          list={occasions}
          onChange={(event) => onChange({ ...values, occasion: event.target.value })}
        />
        <datalist id={occasions}>
          {OCCASIONS.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      </label>
      <label>
        {t('library.year')}
        <input
          value={values.year}
          inputMode="numeric"
          maxLength={4}
          onChange={(event) => onChange({ ...values, year: event.target.value.replace(/\D/g, '') })}
        />
      </label>
    </>
  );
}

import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError, type MessageParams } from '../../shared/api/errors';

/** Turns any failure into a sentence in the user's language. */
export function useErrorText(): (error: unknown) => string {
  const { t, te } = useI18n();
  return (error) => {
    if (error instanceof ApiError) return translate(t, te, error.key, error.params);
    return t('errors.internal');
  };
}

type T = ReturnType<typeof useI18n>['t'];
type Te = ReturnType<typeof useI18n>['te'];

function translate(t: T, te: Te, key: string, params?: MessageParams): string {
  // A key this build does not know (a newer core) still tells the user something went wrong.
  return te(key) ? t(key, params ?? {}) : t('errors.internal');
}

/**
 * A form's errors: each field issue of an ApiError goes under the form item of the same name
 * (`admin.password`), everything else into one message above the buttons. A locked session is
 * the lock screen's business, so it leaves the form alone.
 */
export function useFormErrors<F extends string>(fieldNames: readonly F[]) {
  const { t, te } = useI18n();
  const fields = reactive<Record<string, string>>({});
  const message = ref('');

  function clear(): void {
    for (const name of fieldNames) fields[name] = '';
    message.value = '';
  }

  function isField(path: string): path is F {
    return (fieldNames as readonly string[]).includes(path);
  }

  function setField(name: F, key: string, params?: MessageParams): void {
    fields[name] = translate(t, te, key, params);
  }

  function show(error: unknown): void {
    clear();
    if (error instanceof ApiError && error.code === 'session_locked') return;
    if (!(error instanceof ApiError)) {
      message.value = t('errors.internal');
      return;
    }
    const unplaced: string[] = [];
    for (const issue of error.fields ?? []) {
      const text = translate(t, te, issue.key, issue.params);
      if (isField(issue.path)) fields[issue.path] = fields[issue.path] || text;
      else unplaced.push(text);
    }
    if (!error.fields?.length) message.value = translate(t, te, error.key, error.params);
    else if (unplaced.length) message.value = unplaced.join(' ');
  }

  clear();
  // One reactive object, so templates read `errors.message` and `errors.fields.x` directly.
  return reactive({ fields: fields as Record<F, string>, message, clear, setField, show });
}

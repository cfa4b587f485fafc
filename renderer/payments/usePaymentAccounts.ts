import { onMounted, ref } from 'vue';
import type { BankAccountView } from '../../shared/api/methods/payments';
import { useSessionStore } from '../stores/session';

/** `BCA 0123456789 · PT Sinar Jaya`: an account as the choosers show it. */
export const accountLabel = (a: Pick<BankAccountView, 'bank' | 'number' | 'holder'>): string => `${a.bank} ${a.number} · ${a.holder}`;

/** The branch's company accounts, loaded when the screen opens; each screen asks for its own copy. */
export function usePaymentAccounts() {
  const session = useSessionStore();
  const accounts = ref<BankAccountView[]>([]);
  const error = ref<unknown>(null);

  async function load(): Promise<void> {
    try {
      accounts.value = (await session.call('payments.accounts', {})).accounts;
      error.value = null;
    } catch (failure) {
      error.value = failure;
    }
  }

  onMounted(() => void load());
  return { accounts, error, load };
}

import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

import { isStrongPassword, PASSWORD_MIN_LENGTH } from '@pcd/core';

/** The server's policy, from core, checked before the round trip. */
export { PASSWORD_MIN_LENGTH };

export function passwordPolicyRule(t: TFunction): Rule {
  return {
    validator: (_, value: string | undefined) => {
      if (!value) return Promise.resolve();
      if (!isStrongPassword(value)) {
        return Promise.reject(new Error(t('account.passwordWeak')));
      }
      return Promise.resolve();
    },
  };
}

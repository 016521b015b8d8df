import type * as React from 'react';

/**
 * What the Content Manager passes to a custom field's `Input` (Strapi 5: the edit-view field props
 * plus the form field's `value`, `error` and `onChange`). Only what our inputs read.
 */
export interface CustomFieldInputProps {
  /** The attribute's path in the form, e.g. `country`. */
  name: string;
  /** Already translated by the Content Manager (the field's label in "Configure the view"). */
  label: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  value?: string | null;
  /** The form's setter: `onChange(name, value)`; `null` clears the field. */
  onChange: (name: string, value: string | null) => void;
}

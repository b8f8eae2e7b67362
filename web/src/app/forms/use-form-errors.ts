import { useEffect, useRef, useState } from 'react';
import { NO_ERRORS, type FormErrors } from './api-errors';
import { focusFirstError } from '../../ui/field';

/**
 * A form's errors, and the form they belong to. Whenever errors are shown (refused before sending or
 * by the API), focus moves to the first one, so keyboard and screen-reader users land on it.
 */
export function useFormErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  useEffect(() => {
    if (errors.form || Object.keys(errors.fields).length > 0) focusFirstError(formRef.current);
  }, [errors]);
  return { formRef, errors, setErrors };
}

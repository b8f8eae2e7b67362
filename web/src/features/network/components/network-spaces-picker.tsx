import { useMutation, useQuery } from '@apollo/client/react';
import { CourseNetworkSpacesDocument, SetCourseNetworkSpacesDocument } from '@kapwa/graphql';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { FadingStatus } from '../../../ui/status';

/**
 * For a course's trainers and admins (in the course editor): the spaces the course's alumni are invited into
 * when they complete it. Theme, country and network spaces the viewer reads; saved together.
 */
export function NetworkSpacesPicker({ slug }: { slug: string }) {
  const { t } = useTranslation('network');
  const { data } = useQuery(CourseNetworkSpacesDocument, { variables: { slug } });
  const [save, { loading: saving }] = useMutation(SetCourseNetworkSpacesDocument);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [status, setStatus] = useState<{ message: string; stamp: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const course = data?.course;
  useEffect(() => {
    if (course && chosen === null) setChosen(new Set(course.networkSpaces.map((s) => s.id)));
  }, [course, chosen]);
  if (!course || !chosen) return null;
  const choices = (data?.spaces ?? []).filter((space) => space.kind !== 'COURSE');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailed(false);
    try {
      await save({ variables: { courseId: course.id, spaceIds: [...chosen] } });
      setStatus({ message: t('picker.saved'), stamp: Date.now() });
    } catch {
      setFailed(true);
    }
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="network-spaces-title" className="network-spaces-picker">
      <fieldset>
        <legend>
          <h3 id="network-spaces-title">{t('picker.title')}</h3>
        </legend>
        <p className="hint">{t('picker.hint')}</p>
        {choices.length === 0 ? (
          <p>{t('picker.none')}</p>
        ) : (
          choices.map((space) => (
            <label key={space.id} className="choice">
              <input type="checkbox" checked={chosen.has(space.id)} onChange={(event) => toggle(space.id, event.target.checked)} /> {space.title}{' '}
              <span className="hint">({t(`kinds.${space.kind}`)})</span>
            </label>
          ))
        )}
      </fieldset>
      {failed && (
        <p role="alert" className="form-alert">
          {t('picker.failed')}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={saving || choices.length === 0}>
        {t('picker.save')}
      </Button>
      <FadingStatus message={status?.message ?? null} stamp={status?.stamp} />
    </form>
  );
}

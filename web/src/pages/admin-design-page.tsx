import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '../features/admin/components/admin-nav';
import { AdminOnly } from '../features/admin/components/admin-only';
import { Avatar } from '../ui/avatar';
import { Badge } from '../ui/badge';
import { Breadcrumbs } from '../ui/breadcrumbs';
import { Button, LinkButton } from '../ui/button';
import { Card } from '../ui/card';
import { Dialog } from '../ui/dialog';
import { EmptyState } from '../ui/empty-state';
import { Field, FormAlert } from '../ui/field';
import { Icon } from '../ui/icons';
import { Brand } from '../ui/logo';
import { MenuButton } from '../ui/menu';
import { ProgressBar, ProgressRing } from '../ui/progress';
import { Skeleton } from '../ui/skeleton';
import { FadingStatus } from '../ui/status';
import { Tabs } from '../ui/tabs';
import { usePageTitle } from './use-page-title';

const SWATCHES = ['bg', 'surface', 'surface-2', 'text', 'muted', 'border', 'accent', 'accent-bg', 'highlight', 'highlight-bg', 'danger', 'danger-bg', 'ok', 'ok-bg'];

/** Every component of the design system on one page, so a change to one is seen in both palettes. */
export default function AdminDesignPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('design.title'));
  return (
    <AdminOnly>
      <DesignSystem />
    </AdminOnly>
  );
}

function DesignSystem() {
  const { t } = useTranslation('admin');
  const [tab, setTab] = useState('one');
  const [dialogOpen, setDialogOpen] = useState(false);
  const [status, setStatus] = useState<{ message: string; stamp: number } | null>(null);
  return (
    <section aria-labelledby="design-title" className="design-system">
      <AdminNav />
      <h1 id="design-title">{t('design.title')}</h1>
      <p className="lead">{t('design.intro')}</p>

      <h2>{t('design.brand')}</h2>
      <Brand name={t('app:name')} />

      <h2>{t('design.colours')}</h2>
      <ul className="swatches">
        {SWATCHES.map((name) => (
          <li key={name}>
            <span className="swatch" style={{ background: `var(--${name})` }} />
            <code>--{name}</code>
          </li>
        ))}
      </ul>

      <h2>{t('design.buttons')}</h2>
      <div className="actions">
        <Button>{t('design.sample.primary')}</Button>
        <Button variant="secondary">{t('design.sample.secondary')}</Button>
        <Button variant="quiet">{t('design.sample.quiet')}</Button>
        <Button variant="danger">{t('design.sample.danger')}</Button>
        <Button size="small" icon={<Icon name="calendar" size={16} />}>
          {t('design.sample.small')}
        </Button>
        <LinkButton to="/courses" variant="secondary">
          {t('design.sample.link')}
        </LinkButton>
      </div>

      <h2>{t('design.badges')}</h2>
      <div className="actions">
        <Badge>{t('design.sample.neutral')}</Badge>
        <Badge tone="accent">{t('design.sample.accent')}</Badge>
        <Badge tone="highlight">{t('design.sample.highlight')}</Badge>
        <Badge tone="success">{t('design.sample.success')}</Badge>
        <Badge tone="danger">{t('design.sample.dangerBadge')}</Badge>
      </div>

      <h2>{t('design.cards')}</h2>
      <div className="card-grid">
        <Card as="article">
          <h3>{t('design.sample.cardTitle')}</h3>
          <p>{t('design.sample.cardBody')}</p>
        </Card>
        <Card as="article">
          <Skeleton label={t('app:loading')} block />
        </Card>
      </div>

      <h2>{t('design.progress')}</h2>
      <ProgressBar value={0.4} label={t('design.sample.progress')} />
      <p>
        <ProgressRing value={0.75} label={t('design.sample.progress')} />
      </p>

      <h2>{t('design.navigation')}</h2>
      <Breadcrumbs label={t('design.sample.breadcrumbs')} items={[{ label: t('app:nav.catalogue'), to: '/courses' }, { label: t('design.sample.cardTitle') }]} />
      <Tabs
        label={t('design.sample.tabs')}
        selected={tab}
        onSelect={setTab}
        items={[
          { id: 'one', label: t('design.sample.tabOne'), panel: <p>{t('design.sample.panelOne')}</p> },
          { id: 'two', label: t('design.sample.tabTwo'), panel: <p>{t('design.sample.panelTwo')}</p> },
        ]}
      />
      <MenuButton align="start" content={<>{t('design.sample.menu')} <Icon name="chevronDown" size={16} /></>}>
        <ul>
          <li>
            <a href="#design-title">{t('design.sample.menuItem')}</a>
          </li>
        </ul>
      </MenuButton>

      <h2>{t('design.feedback')}</h2>
      <div className="actions">
        <Button variant="secondary" onClick={() => setDialogOpen(true)}>
          {t('design.sample.openDialog')}
        </Button>
        <Button variant="secondary" onClick={() => setStatus({ message: t('design.sample.saved'), stamp: Date.now() })}>
          {t('design.sample.showStatus')}
        </Button>
      </div>
      <FadingStatus message={status?.message ?? null} stamp={status?.stamp} />
      <Dialog open={dialogOpen} title={t('design.sample.dialogTitle')} closeLabel={t('design.sample.close')} onClose={() => setDialogOpen(false)}>
        <p>{t('design.sample.dialogBody')}</p>
      </Dialog>
      <FormAlert message={t('design.sample.alert')} />
      <EmptyState title={t('design.sample.emptyTitle')} action={<LinkButton to="/courses">{t('design.sample.link')}</LinkButton>}>
        <p>{t('design.sample.emptyBody')}</p>
      </EmptyState>

      <h2>{t('design.people')}</h2>
      <div className="actions">
        <Avatar name="Maria Santos" labelled />
        <Avatar name="ศิริพร" labelled size="large" />
        <Avatar name="Aung Min" labelled size="small" />
      </div>

      <h2>{t('design.forms')}</h2>
      <form className="form narrow" onSubmit={(event) => event.preventDefault()}>
        <Field form="design" name="title" label={t('design.sample.fieldLabel')} hint={t('design.sample.fieldHint')}>
          {(control) => <input {...control} type="text" />}
        </Field>
        <Field form="design" name="broken" label={t('design.sample.fieldLabel')} error={t('design.sample.fieldError')}>
          {(control) => <input {...control} type="text" defaultValue="x" />}
        </Field>
      </form>
    </section>
  );
}

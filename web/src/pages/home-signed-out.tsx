import { useTranslation } from 'react-i18next';
import { LinkButton } from '../ui/button';
import { Icon, type IconName } from '../ui/icons';
import './home-signed-out.css';

const POINTS: { key: string; icon: IconName }[] = [
  { key: 'pace', icon: 'book' },
  { key: 'sessions', icon: 'clock' },
  { key: 'network', icon: 'users' },
];

/**
 * What a visitor who is not signed in sees at `/`: what Kapwa is for and where to start. It asks the
 * API nothing, so the first visit stays small (no data layer, no Apollo).
 */
export function SignedOutHome() {
  const { t } = useTranslation('app');
  return (
    <div className="home-welcome">
      <section className="home-hero" aria-labelledby="page-title">
        <div className="home-hero-text">
          <p className="home-hero-name">{t('name')}</p>
          <h1 id="page-title">{t('home.title')}</h1>
          <p className="lead">{t('home.intro')}</p>
          <p className="actions">
            <LinkButton to="/sign-up">{t('home.signUp')}</LinkButton>
            <LinkButton to="/courses" variant="secondary">
              {t('home.browse')}
            </LinkButton>
          </p>
        </div>
        <HeroArt />
      </section>

      <ul className="home-points">
        {POINTS.map(({ key, icon }) => (
          <li key={key} className="home-point">
            <span className="home-point-icon">
              <Icon name={icon} size={24} />
            </span>
            <h2>{t(`home.points.${key}.title`)}</h2>
            <p>{t(`home.points.${key}.body`)}</p>
          </li>
        ))}
      </ul>

      <p className="small home-privacy">{t('home.privacy')}</p>
    </div>
  );
}

/** The mark's two circles, larger, among a few quieter ones: people who share what they carry. Decorative. */
function HeroArt() {
  return (
    <svg className="home-hero-art" viewBox="0 0 240 200" aria-hidden="true" focusable="false">
      <circle className="home-art-soft" cx="120" cy="100" r="92" />
      <circle className="home-art-dot" cx="46" cy="44" r="7" />
      <circle className="home-art-dot" cx="204" cy="160" r="5" />
      <circle className="home-art-dot" cx="196" cy="36" r="4" />
      <circle className="home-art-one" cx="96" cy="104" r="46" />
      <circle className="home-art-two" cx="144" cy="104" r="46" />
    </svg>
  );
}

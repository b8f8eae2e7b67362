import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../ui/button';
import { Icon, type IconName } from '../../../ui/icons';
import './signed-out-home.css';

const POINTS: { key: string; icon: IconName }[] = [
  { key: 'pace', icon: 'book' },
  { key: 'sessions', icon: 'clock' },
  { key: 'network', icon: 'users' },
];

/**
 * What a visitor who is not signed in sees at `/`: what Kapwa is for and where to start. It asks the
 * API nothing, so the first visit stays small (no data layer, no Apollo); its words are their own
 * namespace (`welcome`), fetched with the page rather than carried by every first load.
 */
export function SignedOutHome() {
  const { t } = useTranslation(['welcome', 'app']);
  return (
    <div className="home-welcome">
      <section className="home-hero" aria-labelledby="page-title">
        <div className="home-hero-text">
          <p className="home-hero-name">{t('app:name')}</p>
          <h1 id="page-title">{t('app:home.title')}</h1>
          <p className="lead">{t('intro')}</p>
          <p className="actions">
            <LinkButton to="/sign-up">{t('signUp')}</LinkButton>
            <LinkButton to="/courses" variant="secondary">
              {t('browse')}
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
            <h2>{t(`points.${key}.title`)}</h2>
            <p>{t(`points.${key}.body`)}</p>
          </li>
        ))}
      </ul>

      <p>
        <Link to="/case-studies">{t('caseStudies')}</Link>
      </p>
      <p className="small home-privacy">{t('privacy')}</p>
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

import { formatSessionTime } from '@kapwa/shared';

/**
 * The words of notifications, in the languages Kapwa speaks. A reader's language falls back to
 * English; times are written by the one shared formatter, in the reader's zone with the organiser's.
 */
type Catalogue = {
  reminderTitle: (title: string, when: '24h' | '1h') => string;
  reminderBody: (title: string, course: string, time: string) => string;
  cancelledTitle: (title: string) => string;
  cancelledBody: (title: string, course: string, time: string) => string;
  rescheduledTitle: (title: string) => string;
  rescheduledBody: (title: string, course: string, time: string) => string;
};

const CATALOGUES: Record<string, Catalogue> = {
  en: {
    reminderTitle: (title, when) => (when === '24h' ? `Tomorrow: ${title}` : `In one hour: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) starts ${time}.`,
    cancelledTitle: (title) => `Cancelled: ${title}`,
    cancelledBody: (title, course, time) => `"${title}" (${course}), planned for ${time}, has been cancelled.`,
    rescheduledTitle: (title) => `New time: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) now starts ${time}.`,
  },
  th: {
    reminderTitle: (title, when) => (when === '24h' ? `พรุ่งนี้: ${title}` : `อีกหนึ่งชั่วโมง: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) เริ่ม ${time}`,
    cancelledTitle: (title) => `ยกเลิกแล้ว: ${title}`,
    cancelledBody: (title, course, time) => `"${title}" (${course}) ที่กำหนดไว้ ${time} ถูกยกเลิกแล้ว`,
    rescheduledTitle: (title) => `เวลาใหม่: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) เริ่ม ${time}`,
  },
  ne: {
    reminderTitle: (title, when) => (when === '24h' ? `भोलि: ${title}` : `एक घण्टामा: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) ${time} मा सुरु हुन्छ।`,
    cancelledTitle: (title) => `रद्द गरियो: ${title}`,
    cancelledBody: (title, course, time) => `${time} का लागि तय गरिएको "${title}" (${course}) रद्द गरिएको छ।`,
    rescheduledTitle: (title) => `नयाँ समय: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) अब ${time} मा सुरु हुन्छ।`,
  },
  my: {
    reminderTitle: (title, when) => (when === '24h' ? `မနက်ဖြန်: ${title}` : `တစ်နာရီအတွင်း: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) ကို ${time} တွင် စတင်ပါမည်။`,
    cancelledTitle: (title) => `ပယ်ဖျက်လိုက်ပြီ: ${title}`,
    cancelledBody: (title, course, time) => `${time} တွင် စီစဉ်ထားသော "${title}" (${course}) ကို ပယ်ဖျက်လိုက်ပါပြီ။`,
    rescheduledTitle: (title) => `အချိန်သစ်: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) ကို ယခု ${time} တွင် စတင်ပါမည်။`,
  },
};

export function catalogueFor(locale: string): Catalogue {
  return CATALOGUES[locale.split('-')[0]] ?? CATALOGUES.en;
}

export interface Reader {
  timeZone: string;
  locale: string;
}

/** A session's time as this reader should read it. */
export function sessionTimeFor(reader: Reader, startsAt: Date, organiserZone: string): string {
  return formatSessionTime(startsAt, reader.timeZone, organiserZone, reader.locale);
}

import { formatCalendarDateWithZones, formatInstantWithZones } from '@kapwa/shared';

/**
 * The words of notifications, in the languages Kapwa speaks. A reader's language falls back to
 * English; dates and times are written by the one shared formatter (`@kapwa/shared` date-format):
 * a session's time in the reader's zone with the organiser's, a course's dates in the course's zone.
 */
type Catalogue = {
  /** `soon`: a reminder sent at once because the session was scheduled less than an hour before it starts. */
  reminderTitle: (title: string, when: '24h' | '1h' | 'soon') => string;
  reminderBody: (title: string, course: string, time: string) => string;
  scheduledTitle: (title: string) => string;
  scheduledBody: (title: string, course: string, time: string) => string;
  cancelledTitle: (title: string) => string;
  cancelledBody: (title: string, course: string, time: string) => string;
  rescheduledTitle: (title: string) => string;
  rescheduledBody: (title: string, course: string, time: string) => string;
  /** `starts`: the course's first day, or null when it has no start date. */
  addedTitle: (course: string) => string;
  addedBody: (course: string, role: 'LEARNER' | 'TRAINER', starts: string | null) => string;
  certificateTitle: (course: string) => string;
  certificateBody: (course: string, code: string) => string;
};

const CATALOGUES: Record<string, Catalogue> = {
  en: {
    reminderTitle: (title, when) => (when === '24h' ? `Tomorrow: ${title}` : when === '1h' ? `In one hour: ${title}` : `Starting soon: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) starts ${time}.`,
    scheduledTitle: (title) => `New session: ${title}`,
    scheduledBody: (title, course, time) => `"${title}" (${course}) has been scheduled for ${time}.`,
    cancelledTitle: (title) => `Cancelled: ${title}`,
    cancelledBody: (title, course, time) => `"${title}" (${course}), planned for ${time}, has been cancelled.`,
    rescheduledTitle: (title) => `New time: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) now starts ${time}.`,
    addedTitle: (course) => `You have been added to ${course}`,
    addedBody: (course, role, starts) =>
      `You are now ${role === 'TRAINER' ? 'a trainer' : 'a learner'} in "${course}".${starts ? ` It starts ${starts}.` : ''}`,
    certificateTitle: (course) => `Your certificate for ${course}`,
    certificateBody: (course, code) => `Congratulations on completing "${course}". Your certificate is ready; its code is ${code}.`,
  },
  th: {
    reminderTitle: (title, when) => (when === '24h' ? `พรุ่งนี้: ${title}` : when === '1h' ? `อีกหนึ่งชั่วโมง: ${title}` : `ใกล้จะเริ่มแล้ว: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) เริ่ม ${time}`,
    scheduledTitle: (title) => `นัดหมายใหม่: ${title}`,
    scheduledBody: (title, course, time) => `"${title}" (${course}) กำหนดไว้ ${time}`,
    cancelledTitle: (title) => `ยกเลิกแล้ว: ${title}`,
    cancelledBody: (title, course, time) => `"${title}" (${course}) ที่กำหนดไว้ ${time} ถูกยกเลิกแล้ว`,
    rescheduledTitle: (title) => `เวลาใหม่: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) เริ่ม ${time}`,
    addedTitle: (course) => `คุณได้รับการเพิ่มเข้าในหลักสูตร ${course}`,
    addedBody: (course, role, starts) =>
      `ตอนนี้คุณเป็น${role === 'TRAINER' ? 'ผู้สอน' : 'ผู้เรียน'}ในหลักสูตร "${course}"${starts ? ` หลักสูตรเริ่ม ${starts}` : ''}`,
    certificateTitle: (course) => `ประกาศนียบัตรของคุณสำหรับ ${course}`,
    certificateBody: (course, code) => `ขอแสดงความยินดีที่คุณเรียนจบหลักสูตร "${course}" ประกาศนียบัตรของคุณพร้อมแล้ว รหัสคือ ${code}`,
  },
  ne: {
    reminderTitle: (title, when) => (when === '24h' ? `भोलि: ${title}` : when === '1h' ? `एक घण्टामा: ${title}` : `छिट्टै सुरु हुँदैछ: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) ${time} मा सुरु हुन्छ।`,
    scheduledTitle: (title) => `नयाँ सत्र: ${title}`,
    scheduledBody: (title, course, time) => `"${title}" (${course}) ${time} का लागि तय गरिएको छ।`,
    cancelledTitle: (title) => `रद्द गरियो: ${title}`,
    cancelledBody: (title, course, time) => `${time} का लागि तय गरिएको "${title}" (${course}) रद्द गरिएको छ।`,
    rescheduledTitle: (title) => `नयाँ समय: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) अब ${time} मा सुरु हुन्छ।`,
    addedTitle: (course) => `तपाईंलाई ${course} मा थपिएको छ`,
    addedBody: (course, role, starts) =>
      `तपाईं अब "${course}" मा ${role === 'TRAINER' ? 'प्रशिक्षक' : 'सिकारु'} हुनुहुन्छ।${starts ? ` यो ${starts} मा सुरु हुन्छ।` : ''}`,
    certificateTitle: (course) => `${course} को तपाईंको प्रमाणपत्र`,
    certificateBody: (course, code) => `"${course}" पूरा गर्नुभएकोमा बधाई छ। तपाईंको प्रमाणपत्र तयार छ; यसको कोड ${code} हो।`,
  },
  my: {
    reminderTitle: (title, when) => (when === '24h' ? `မနက်ဖြန်: ${title}` : when === '1h' ? `တစ်နာရီအတွင်း: ${title}` : `မကြာမီ စတင်ပါမည်: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) ကို ${time} တွင် စတင်ပါမည်။`,
    scheduledTitle: (title) => `အစည်းအဝေးအသစ်: ${title}`,
    scheduledBody: (title, course, time) => `"${title}" (${course}) ကို ${time} တွင် စီစဉ်ထားပါသည်။`,
    cancelledTitle: (title) => `ပယ်ဖျက်လိုက်ပြီ: ${title}`,
    cancelledBody: (title, course, time) => `${time} တွင် စီစဉ်ထားသော "${title}" (${course}) ကို ပယ်ဖျက်လိုက်ပါပြီ။`,
    rescheduledTitle: (title) => `အချိန်သစ်: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) ကို ယခု ${time} တွင် စတင်ပါမည်။`,
    addedTitle: (course) => `သင့်ကို ${course} တွင် ထည့်သွင်းလိုက်ပါပြီ`,
    addedBody: (course, role, starts) =>
      `သင်သည် ယခု "${course}" တွင် ${role === 'TRAINER' ? 'သင်တန်းဆရာ' : 'သင်တန်းသား'} ဖြစ်ပါသည်။${starts ? ` ${starts} တွင် စတင်ပါမည်။` : ''}`,
    certificateTitle: (course) => `${course} အတွက် သင့်လက်မှတ်`,
    certificateBody: (course, code) => `"${course}" ကို ပြီးဆုံးသည့်အတွက် ဂုဏ်ယူပါသည်။ သင့်လက်မှတ် အဆင်သင့်ဖြစ်ပါပြီ၊ ကုဒ်မှာ ${code} ဖြစ်ပါသည်။`,
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
  return formatInstantWithZones(startsAt, reader.timeZone, organiserZone, reader.locale);
}

/** A course's date (its start, a module's opening) as this reader should read it: the course's date, their clock beside. */
export function courseDateFor(reader: Reader, date: Date, courseZone: string): string {
  return formatCalendarDateWithZones(date, courseZone, reader.timeZone, reader.locale);
}

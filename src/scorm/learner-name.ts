/**
 * The learner's name for people to read. SCORM 1.2 says `cmi.core.student_name` is written
 * "last name, first name" (RTE 3.4.2.1.3), and Moodle fills both 1.2's `cmi.core.student_name` and
 * 2004's `cmi.learner_name` as "lastname, firstname"; a printed record reads first name first.
 * Only a name with exactly one comma is turned round: "Smith, Jo" → "Jo Smith"; anything else
 * ("Jo Smith", "Smith, Jo, Dr") is shown as the LMS gave it, never guessed at.
 */
export function readableName(raw: string | null | undefined): string {
  const name = (raw ?? '').replace(/\s+/g, ' ').trim();
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const [last, first] = parts.map((p) => p.trim());
  if (!last || !first) return name.replace(/^,|,$/g, '').trim();
  return `${first} ${last}`;
}

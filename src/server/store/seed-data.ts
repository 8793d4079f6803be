/**
 * The original Wikigender online discussion of February 2015, as the digest
 * "Extracts from the Wikigender online discussion" recorded it. Quotes are kept
 * word for word, with their curly quotes and original spelling. The digest gives
 * no time for each comment and no address or sharer for the resources: those stay
 * unknown here rather than invented.
 */
import type { Partner, RelatedEvent, ResourceKind } from '../../api/contract';

export const SEED_SLUG = 'advancing-womens-rights-through-social-media';

export const seedDiscussion = {
  slug: SEED_SLUG,
  title: 'Advancing women’s rights through social media: which strategies?',
  startsOn: '2015-02-11',
  endsOn: '2015-02-20',
  organiser: 'Wikigender',
  partners: [
    { name: 'EmpowerWomen.org', url: null },
    { name: 'AWID', url: null },
    { name: 'World Pulse', url: null },
    { name: 'The Guardian', url: null },
  ] satisfies Partner[],
  introduction:
    'In partnership with EmpowerWomen.org, AWID, World Pulse and The Guardian, Wikigender organised an online discussion to discuss to what extent social media is a powerful tool in amplifying women’s voices and broadening the scope for action on gender equality and the women’s rights agenda.',
  event: {
    title: "Making women's voices heard through social media from Beijing to the post-2015 agenda",
    date: '2015-03-17',
    place: '59th session of the UN Commission on the Status of Women (CSW59), New York',
    description:
      'A side event organised by the OECD Development Centre, in partnership with UN Women and with the support of the French Ministry of Foreign Affairs and International Development.',
  } satisfies RelatedEvent,
  originalUrl: 'http://wikigender.org/index.php/Online_Discussions',
};

/** Agora's own words about the seeded discussion, shown apart from the original text. */
export const SEED_NOTE =
  'This discussion took place from 11 to 20 February 2015. It was reopened so that people can try Agora: the extracts and resources of 2015 are kept as the digest recorded them, and anything added since is new.';

/**
 * The six extracts, in the digest's order; all were featured in it. `html` is what
 * the app's renderer makes of `body` (a test keeps the two in step), so that the
 * demo's backend can seed itself without loading the renderer.
 */
export const seedComments: {
  author: string;
  organisation: string | null;
  body: string;
  html: string;
}[] = [
  {
    author: 'Take Back the Tech!',
    organisation: null,
    body: "Take Back the Tech! campaigns, which run globally and have been localised in dozens of countries, have resulted in concrete changes in the relationship between technology and violence against women, ranging from successful advocacy for improvements in policies and legislation to women increasing their digital literacy and young people learning how to stand up to violence. Often, the key is pairing online action with offline action. Hashtags alone won't work, but if we continue the conversation on the ground, use the anecdotal evidence these social media chats produce, and mobilise people to put pressure on decision-makers, we can do a lot",
    html: "<p>Take Back the Tech! campaigns, which run globally and have been localised in dozens of countries, have resulted in concrete changes in the relationship between technology and violence against women, ranging from successful advocacy for improvements in policies and legislation to women increasing their digital literacy and young people learning how to stand up to violence. Often, the key is pairing online action with offline action. Hashtags alone won't work, but if we continue the conversation on the ground, use the anecdotal evidence these social media chats produce, and mobilise people to put pressure on decision-makers, we can do a lot</p>\n",
  },
  {
    author: 'Macarena Aguilar',
    organisation: 'AWID',
    body: 'Online activism is taking our struggles to a level of organising and mass consciousness that was not possible before (...) The storm of women bloggers, feminist blogs and online voices has rejuvenated so many important debates that were shelved and largely ignored by mainstream media',
    html: '<p>Online activism is taking our struggles to a level of organising and mass consciousness that was not possible before (...) The storm of women bloggers, feminist blogs and online voices has rejuvenated so many important debates that were shelved and largely ignored by mainstream media</p>\n',
  },
  {
    author: 'GGCA Secretariat',
    organisation: null,
    body: 'Using social media, especially hashtag activism, is an effective way to kick-start an idea, raise awareness, and gain supporters. But on the ground action is what it really takes for lasting change',
    html: '<p>Using social media, especially hashtag activism, is an effective way to kick-start an idea, raise awareness, and gain supporters. But on the ground action is what it really takes for lasting change</p>\n',
  },
  {
    author: 'Keshet Bachan',
    organisation: null,
    body: 'social media awareness and ‘action’ tends to be diffused, and it needs and organising source to harness the momentum into action',
    html: '<p>social media awareness and ‘action’ tends to be diffused, and it needs and organising source to harness the momentum into action</p>\n',
  },
  {
    author: 'Liri Kopaci-Di Michele',
    organisation: null,
    body: 'The "everydaysexim" project by Laura Bates - campaigned to pressure Facebook into filtering and banning groups and images that depict and promote violence against women. Watch video of Council of Europe conference and listen to Laura speak about this: <http://bit.ly/1oSjyWE>',
    html: '<p>The &quot;everydaysexim&quot; project by Laura Bates - campaigned to pressure Facebook into filtering and banning groups and images that depict and promote violence against women. Watch video of Council of Europe conference and listen to Laura speak about this: <a href="http://bit.ly/1oSjyWE" rel="nofollow ugc noopener" target="_blank">http://bit.ly/1oSjyWE</a></p>\n',
  },
  {
    author: 'Nana Darkoa',
    organisation: null,
    body: 'I think what is needed in Ghana are large active movements of women who also proactively use social media to push for social justice',
    html: '<p>I think what is needed in Ghana are large active movements of women who also proactively use social media to push for social justice</p>\n',
  },
];

export const seedCampaigns = [
  'everydaysexism',
  'bringbackourgirls',
  'HeForShe',
  'OzgecanAslan',
  'MyDressMyChoice',
  '5thwcw',
];

export const seedResources: { title: string; kind: ResourceKind; description: string }[] = [
  {
    title: 'Gender, Technology, and Social Change',
    kind: 'course',
    description: 'A 4-week online course by TechChange (Fall 2015).',
  },
  {
    title: 'Online social change: easy to organize, hard to win',
    kind: 'talk',
    description: 'A TED Talk by Zeynep Tufekci.',
  },
  {
    title: 'Media and the Image of Women',
    kind: 'report',
    description:
      'A report of the 1st Conference of the Council of Europe Network of National Focal Points on Gender Equality.',
  },
  {
    title: 'HarassMap',
    kind: 'tool',
    description: 'A tool allowing the mapping and reporting of sexual harassment cases in Egypt.',
  },
];

/** Demo accounts, listed on the sign-in page of demo builds and in the README. */
export const seedAccounts = [
  {
    id: 'u-amina',
    email: 'amina@example.org',
    password: 'demo-participant',
    displayName: 'Amina Diallo',
    organisation: null,
    role: 'participant' as const,
  },
  {
    id: 'u-moderator',
    email: 'moderator@example.org',
    password: 'demo-moderator',
    displayName: 'Wikigender moderator',
    organisation: 'Wikigender',
    role: 'moderator' as const,
  },
];

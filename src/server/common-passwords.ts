/**
 * The most common passwords of 8 characters or more (shorter ones are refused
 * for their length anyway), lower-cased: those of length >= 8 in SecLists'
 * Passwords/Common-Credentials/10-million-password-list-top-1000.txt
 * (github.com/danielmiessler/SecLists, MIT licence; Mark Burnett's 10 million
 * passwords, 2015). ASVS 5.0 asks for at least the top 3,000 in time: a longer
 * list is a drop-in replacement of this one.
 */
const LIST = `
00000000 01011980 01012011 0987654321 11111111 1111111111 11223344 12121212 123123123 1232323q
12341234 12344321 1234554321 12345678 123456789 1234567890 123456789a 123456789q 12345qwert
1234qwer 123654789 12qwaszx 147258369 147852369 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2
4815162342 55555555 69696969 741852963 77777777 789456123 87654321 88888888 98765432 987654321
aaaaaaaa abcd1234 airborne alexande alexander alexandr american anderson asdf1234 asdfasdf
asdfghjk asdfghjkl babygirl baseball benjamin bigdaddy blink182 bollocks brittany brooklyn
budlight bulldogs bullshit butthead cardinal carolina caroline champion changeme cherokee
chevelle christin cocacola colorado computer corvette courtney creative danielle darkness
darkside december dickhead dolphins drowssap einstein electric elephant elizabet explorer
fktrcfylh football franklin freepass freeuser garfield godzilla guinness hardcore hello123
iloveyou infinity internet jennifer jonathan jordan23 juventus kawasaki kimberly kristina
lacrosse lasvegas lifehack liverpoo liverpool logitech lovelove loverboy marlboro marshall
maryjane maverick mercedes metallic metallica michael1 michelle michigan midnight minecraft
mitchell motorola mountain ncc1701d nicholas nintendo november pakistan panthers paradise
passport passw0rd password password1 patricia patriots pearljam peekaboo platinum poohbear
predator princess q1w2e3r4 q1w2e3r4t5 qazwsxedc qweasdzxc qwer1234 qwerty12 qwerty123 qwertyui
qwertyuiop redskins redwings rolltide rush2112 samantha scarface scorpion scotland secret123
security semperfi shithead simpsons slipknot snickers snowball softball spiderma spiderman
spitfire stargate startrek starwars steelers sunshine superman svetlana swordfis trustno1
usuckballz1 valentin veronica victoria virginia vladimir warcraft westside whatever wildcats
williams wolfpack wolverin xxxxxxxx zaq12wsx
`;

const common = new Set(LIST.split(/\s+/).filter(Boolean));

/** Whether a password is one that guessers try first, whatever its letter case. */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

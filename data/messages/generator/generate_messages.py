"""A seeded generator of short text messages, labelled spam or ham (an ordinary message).

This file belongs to the open course "Build an LLM from Scratch". Running it
writes data/messages/generated.tsv, which notebook 10 uses next to the
hand-written messages in data/messages/handwritten.tsv to finetune a GPT as a
spam classifier.

Licence: two parts, as data/manifest.json records. The messages it writes,
like the word lists and templates below, are data, written for the course and
released under the Creative Commons Attribution 4.0 licence (CC BY 4.0). The
Python code is under the course's licence for code (MIT).

The file format
---------------
One message a line, `label<TAB>text`, label `spam` or `ham`: the form of the
public SMS spam collection, so a learner can swap that file in.

How it works
------------
1. A tiny random number generator of our own (SplitMix64): the same numbers on
   every Python and every computer, so the file is reproducible byte for byte.
2. Templates per class, with {slots} filled from word lists (WORDS) or from
   number makers (NUMBERS: amounts, phone numbers, times).
3. The split. Every message file is split the same way by
   buildllm.corpora.split_by_group, per label: counting the messages of one class in a
   file from 0, message k is a validation message when k % 10 == 4, a test
   message when k % 10 == 9, else a training message. Messages made from one
   template look alike, so a template belongs to one split only (template j of
   a class goes where the same rule sends message j), and the generator writes
   each template's messages at the places the rule gives its split. So no two
   near-identical messages straddle the splits, and the validation and test
   messages come from templates the training split never saw.
4. Ham and spam alternate line by line, so both classes are equally many in
   every split.

Ordinary messages mention prizes, money and links too, and spam comes in many
voices, so no single word tells the classes apart (tests/test_messages.py
measures it).

Usage, from the repository root:
    python data/messages/generator/generate_messages.py          # (re)write generated.tsv
    python data/messages/generator/generate_messages.py --check  # exit 1 if the file differs

Or from Python: generate(seed=2027) returns the whole text as one string.
"""

import os
import re
import string
import sys

SEED = 2027
PER_CLASS = 900
LABELS = ("ham", "spam")
SPLIT_EVERY, VALID_AT, TEST_AT = 10, 4, 9

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT_PATH = os.path.join(HERE, "..", "generated.tsv")

sys.path.insert(0, os.path.join(HERE, "..", ".."))  # data/: seeded_generator.py, shared by the course's generators
from seeded_generator import SplitMix64, command_line  # noqa: E402


def split_of(k):
    """Where the k-th message of a class goes (the rule of buildllm.corpora.split_by_group)."""
    return "valid" if k % SPLIT_EVERY == VALID_AT else "test" if k % SPLIT_EVERY == TEST_AT else "train"


# ---------------------------------------------------------------------------
# Word lists: "{name}" in a template is one entry of WORDS["name"]
# ---------------------------------------------------------------------------

WORDS = {
    "friend": ["Sam", "Priya", "Tom", "Aisha", "Ben", "Mei", "Jonas", "Rosa", "Kwame", "Lena", "Ivan", "Farah",
               "Ollie", "Grace", "Yuto", "Nadia", "Leo", "Beatriz", "Manu", "Tenzin", "Chloe", "Ravi", "Hana"],
    "relative": ["Mum", "Dad", "Nana", "Grandad", "Auntie Jo", "Uncle Dev", "your sister", "your brother",
                 "Gran", "my cousin"],
    "place": ["the station", "the park gates", "the library", "the big Tesco", "the cafe on the corner",
              "the school gate", "the leisure centre", "the market", "the pub by the river", "the bus stop",
              "the car park", "the swimming pool", "the garden centre", "the church hall", "Sam's flat", "work",
              "Nana's", "our usual table", "platform 4", "Costa", "town", "Aldi", "Dad's allotment"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "when": ["tomorrow", "tonight", "next week", "at the weekend", "on Monday", "on Tuesday", "on Wednesday",
             "on Thursday", "on Friday", "on Saturday", "on Sunday", "this evening"],
    "food": ["pizza", "curry", "fish and chips", "lasagne", "soup", "tacos", "roast chicken", "noodles",
             "pancakes", "stew", "sandwiches", "salad"],
    "errand": ["bread", "milk", "eggs", "teabags", "bin bags", "batteries", "cat food", "nappies",
               "washing up liquid", "bananas", "a birthday card", "stamps"],
    "thing": ["umbrella", "phone charger", "scarf", "water bottle", "glasses case", "blue jumper",
              "lunchbox", "spare key", "phone case", "library book", "drill", "ladder"],
    "event": ["the quiz night", "the school fair", "the village show", "the office raffle", "the fun run",
              "the bake sale", "the football tombola", "the church raffle", "the pub quiz", "the fete",
              "Ollie's school fair", "our quiz night", "church bingo", "work's summer raffle", "Beavers bingo"],
    "small_prize": ["a box of chocolates", "a garden gnome", "a cinema voucher", "a meat hamper",
                    "two bottles of wine", "a giant teddy", "a year of free car washes", "a cake stand",
                    "a cookbook", "a basket of fruit"],
    "activity": ["a walk", "a coffee", "a swim", "a bike ride", "lunch", "brunch", "a curry",
                 "a quick drink", "a run", "a pizza"],
    "chore": ["the washing", "the dishes", "the hoovering", "the bins", "the shopping", "the ironing",
              "the dog walk", "the school run"],
    "mood": ["so tired", "starving", "soaked", "buzzing", "knackered", "freezing", "really happy",
             "a bit fed up"],
    "shared_link": ["the photos", "the holiday cottage", "the recipe", "the cinema times", "the article",
                    "the sign up form", "the shared spreadsheet", "the video of the kids", "the bus timetable",
                    "the map of the walk", "our holiday photos", "Dad's birthday video", "my flapjack recipe",
                    "that article", "our walking route", "Mia's school photos"],
    "bill": ["the gas bill", "the rent", "the phone bill", "the window cleaner", "the takeaway",
             "the concert tickets", "the petrol", "the birthday present", "the taxi", "Friday's takeaway",
             "our gas bill", "Mum's present"],
    # spam
    "company": ["ParcelPoint", "QuickShip", "Northway Bank", "Harbour Savings", "StarMobile", "FlexiFibre",
                "HomeEnergy UK", "PrimeBox", "Crown Delivery", "MetroPay", "Sunrise Rewards", "CityCredit"],
    "courier": ["ParcelPoint", "QuickShip", "Crown Delivery", "SwiftPost", "FastDrop Couriers"],
    "bank": ["Northway Bank", "Harbour Savings", "MetroPay", "CityCredit", "Lakeside Building Society"],
    "big_prize": ["a new car", "a holiday to Dubai", "a 1,000 shopping voucher", "the latest iPhone",
                  "a luxury cruise", "a year of free petrol", "a 4K TV", "5,000 in cash",
                  "a family trip to Florida", "a designer watch"],
    "gadget": ["smartphone", "tablet", "laptop", "games console", "smartwatch", "air fryer",
               "robot hoover", "pair of earbuds"],
    "scheme": ["crypto", "forex", "gold", "property", "AI trading", "stock options"],
    "job": ["data entry", "product reviewing", "online surveys", "app testing", "parcel repacking",
            "social media liking", "mystery shopping"],
    "romance_name": ["Anna", "Sophia", "Kate", "Elena", "Michael", "David", "Lucy", "Maria", "James"],
    "service": ["streaming", "cloud storage", "antivirus", "broadband", "mobile", "music", "gym",
                "meal kit"],
    "threat": ["closed", "suspended", "frozen", "deleted", "locked", "restricted"],
    "urgent": ["URGENT", "Final reminder", "Action required", "Important", "Last notice", "Alert"],
    "domain_word": ["secure", "verify", "redelivery", "claim", "account", "portal", "help", "rewards",
                    "update", "check"],
    "tld": [".com", ".net", ".info", ".co", ".site", ".online", ".top"],
    "optout": ["Reply STOP to opt out.", "Txt STOP to end.", "T&Cs apply.", "Std rates apply.",
               "18+ only.", "Unsubscribe: reply NO.", ""],
}

NUMBERS = {
    "pounds": lambda rng: str(rng.below(90) + 5),
    "fee": lambda rng: f"{rng.below(4) + 1}.{rng.choice([45, 49, 95, 99, 50, 29])}",
    "amount": lambda rng: f"{(rng.below(98) + 2) * 50:,}",
    "refund": lambda rng: f"{rng.below(600) + 80}.{rng.below(100):02d}",
    "hours": lambda rng: str(rng.choice([2, 6, 12, 24, 48, 72])),
    "time": lambda rng: f"{rng.below(11) + 1}{rng.choice(['', '.30', '.15', 'pm', 'am'])}",
    "minutes": lambda rng: str(rng.choice([5, 10, 15, 20, 30, 40])),
    "count": lambda rng: str(rng.below(8) + 2),
    "phone": lambda rng: f"0{rng.choice([7, 8, 9])}{rng.below(1000):03d} {rng.below(1000000):06d}",
    "code": lambda rng: "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
}

# The filled word is a link: "{url}" becomes e.g. "verify-northway.info/k3x9".
URL_PARTS = "abcdefghijkmnpqrstuvwxyz23456789"


def make_url(rng):
    word = rng.choice(WORDS["domain_word"])
    brand = re.sub(r"[^a-z]", "", rng.choice(WORDS["company"]).lower())
    path = "".join(rng.choice(URL_PARTS) for _ in range(4))
    scheme = "https://" if rng.chance(1, 2) else ""
    return f"{scheme}{word}-{brand}{rng.choice(WORDS['tld'])}/{path}"


def make_ham_link(rng):
    host = rng.choice(["photos.example.org", "docs.example.com", "share.example.net", "drive.example.org"])
    scheme = "https://" if rng.chance(1, 2) else ""
    return f"{scheme}{host}/" + "".join(rng.choice(URL_PARTS) for _ in range(6))


NUMBERS["url"] = make_url
NUMBERS["link"] = make_ham_link

# ---------------------------------------------------------------------------
# Templates. Ordinary messages talk about prizes, money and links too.
# ---------------------------------------------------------------------------

HAM = [
    "Running {minutes} min late, meet you at {place}?",
    "Can you pick up {errand} on your way back? We're out.",
    "Won {small_prize} at {event} lol. No idea where to put it.",
    "I've sent you {pounds} for {bill}, check your account when you can.",
    "Here's the link to {shared_link}: {link}",
    "Fancy {activity} {when}? I'm free after {time}.",
    "Have you seen my {thing}? I think I left it at yours.",
    "{relative} says dinner is {food} at {time}, don't be late.",
    "We came second at {event}! Prize was {small_prize}, we'll share it.",
    "Are you still ok to do {chore} {when}? I'll do it next time.",
    "Just got home from {place}, {mood}. Talk {when} x",
    "Tell {friend} the money for {bill} is on the kitchen table.",
    "Shall we get {food} tonight? My treat, I got paid today.",
    "Bus is late again, I'm at {place}. Save me some {food}.",
    "{friend} won {small_prize} in the raffle at {event}! Best news all week.",
    "Can I borrow your {thing} {when}? Will bring it back, promise.",
    "Sending {shared_link} now, click the link when you get a sec: {link}",
    "Ok, {place} at {time} it is. See you there.",
    "Thanks for paying for {bill}, I owe you {pounds}. Transfer tonight.",
    "Don't forget it's your turn for {chore} on {weekday}!",
    "Is {friend} coming to {event}? Tickets are {pounds} on the door.",
    "Feeling {mood} after work. Home in {minutes}.",
    "{relative} wants to know if you're free {when} for {food}.",
    "Found your {thing} in the car, I'll drop it at {place}.",
    "Shared {shared_link} in the family chat, the link is pinned at the top.",
    "Did you hear? {friend} got the job! Drinks {when}.",
    "Who won at {event} in the end? I had to leave early.",
    "Can you call {relative} back? Nothing urgent, just about {weekday}.",
    "The money from {event} came to {amount}, more than last year! Thanks for helping.",
    "We're at {place}, come find us. Bring {errand} if you pass the shop.",
    "Just checking you got the {pounds} I sent for {bill}?",
    "Happy birthday {friend}!! Have the best day. Cake {when}?",
    "Remind me to sort out {bill} {when}, I keep forgetting.",
    "Phone on 5%, if I go quiet I'm at {place}.",
    "{friend} says the link to {shared_link} doesn't work, can you send it again?",
    "Prize giving for {event} is at {time}, the kids are so excited.",
    "Left you some {food} in the fridge. Enjoy!",
    "Can't do {activity} {when} after all, sorry! Next week?",
    "My {thing} turned up at {place}, someone handed it in. Lucky!",
    "Lol {relative} just asked me what a meme is. At {place}. Loudly.",
    "I'll do {chore} if you sort out {bill}. Deal?",
    "Ticket for {event} is {pounds}, I bought you one, pay me whenever.",
    "The {thing} you lent me is by the front door, grab it when you're passing.",
    "{friend} and I are going for {activity} {when}, want to come?",
    "Home by {time}. Put the kettle on?",
    "Your {thing} is still in my bag, sorry! Want it back {when}?",
    "Got {small_prize} for winning the quiz at work. Finally some use for all that trivia.",
    "Here's the form for {event}, just fill it in online: {link}",
    "Cheers for the {food}, it was amazing. Recipe please!",
    "Can you collect {relative} from {place} at {time}? I'm stuck at work.",
    "Gas man coming {when}, some time after {time}. Can you be in?",
    "Ha, you'll never guess who I just saw at {place}. {friend}!",
    "Tried calling, no answer. Call me back when you're free, it's about {weekday}.",
    "Split {bill} four ways, that's {pounds} each. Sending the details now.",
    "Just booked the tennis court for {weekday} at {time}. Don't be late this time!",
    "I can't find the link to {shared_link}, is it in your email?",
    "We raised {amount} at {event} for the hospice. Amazing effort everyone.",
    "Can you feed the cat {when}? Food's by the back door.",
    "Stuck at {place}, trains cancelled. Might be a while.",
    "Any chance you could grab {errand} from {place}? Pay you back.",
    "Morning! {relative} has a cold so we're staying in {when}.",
    "Meet you outside {place}, I'll bring the {thing} you lent me lol",
    "The kids want {food} again. Third time this week. I give up.",
    "Got a parking ticket outside {place}. {pounds} quid, I could cry.",
    "{friend} sent the link for {shared_link} but it asks me to sign in, does yours?",
    "Free {when}? {friend} has a spare ticket for {event} and asked if you want it.",
    "Who's got my {thing}?? It was on the hall table this morning.",
    "Sorry, can't talk, at {place} with {relative}. Ring you later.",
    "Remember {relative}'s birthday is {when}! I got a card, can you sign it?",
    "I paid the deposit for the holiday, {amount} in total, so we're booked!",
    "Check the family chat, {relative} posted {shared_link}.",
    "Ugh, left my {thing} on the train. Going to lost property {when}.",
    "Guess what came home from {event} with us: {small_prize}. Don't ask.",
    "Loved seeing you today. Let's go for {activity} again {when}.",
    "Heads up: {place} is closed {when} for repairs.",
    "Can you transfer me {pounds} for {bill}? No rush, whenever payday is.",
    "I'm making {food} for tea, want me to save you a plate?",
    "{friend}'s dog got out again, have you seen a little brown one near {place}?",
    "Booked the taxi for {time}, it'll pick us up outside {place}.",
    "My {gadget} is broken, can I borrow yours {when}?",
    "Proud mum moment: Ollie won a prize for his painting at {event}!",
    "Car won't start. Can you run me to {place}?",
    "Saw this and thought of you: {link} (it's the one I told you about)",
    "Power's back on. The freezer survived, so {food} for dinner it is.",
    "Thanks for the {pounds}, I'll pay you back on Friday like I said.",
    "Are we still on for {activity} {when}? I might be ten minutes late.",
    "Just dropped {relative} at {place}. Heading home now.",
    "Doctor's at {time} {when}, can you have the kids?",
    "Got the money for the school trip, {pounds} in an envelope in your bag.",
    "{relative} won {small_prize} at bingo and is unbearable about it.",
    "Have you got a minute to look at {shared_link}? Want your opinion.",
    "Leaving {place} now, traffic is awful, maybe {minutes} min.",
    "Someone handed in the {thing} you lost at {place}! Go and get it.",
    "Text {friend} back, they've been waiting all day lol",
    "Oven's on, {food} ready at {time}. Bring a bottle if you're passing the shop.",
    "Did you manage to pay {bill}? The reminder came again.",
    "We got second prize at {event}, {small_prize}! Better than nothing.",
    "{friend} says thanks for the lift, and sorry, the {thing} in your car is theirs.",
    "I think I left the back door open. Can you check when you're home?",
]

SPAM = [
    "{courier}: your parcel is held due to an unpaid fee of {fee}. Pay at {url} within {hours} hours.",
    "{urgent}: your {bank} account has been {threat}. Verify your identity at {url} {optout}",
    "Congratulations! You've been selected to receive {big_prize}. Call {phone} to claim. {optout}",
    "Hi Mum, this is my new number, my phone broke. Can you send {pounds}0 for a bill? Will explain later x",
    "Earn {amount} a week from home doing {job}. No experience needed. Reply YES to start.",
    "Your {service} subscription could not be renewed. Update your payment at {url} or lose access today.",
    "Hello, I'm {romance_name}. Sorry, I think I have the wrong number... but you seem nice. Where do you live?",
    "Invest {amount} in {scheme} today and get ten times back in a month. Spaces limited, reply INVEST.",
    "You are owed a refund of {refund} from the tax office. Claim it before the end of the day: {url}",
    "{urgent}: a payment of {refund} was taken from your card. If this wasn't you call {phone} now.",
    "WINNER! Your number was picked in our weekly draw. Text CLAIM to 8{count}0{count}1 for {big_prize}. {optout}",
    "Your {gadget} upgrade is ready and it's free. Just confirm your address and pay {fee} postage: {url}",
    "We tried to deliver your package on {weekday}. Choose a new slot and pay {fee} at {url}",
    "Dear customer, your {bank} card expires soon. Confirm your PIN and card number by reply to keep it active.",
    "Hi there! I saw your profile and I'd love to get to know you. Add me, I'm {romance_name} :)",
    "Make money with {scheme}! My mentor turned {pounds}0 into {amount} in {count} days. Ask me how.",
    "Your mobile number has won {amount} in the {company} anniversary draw. Send your bank details to claim.",
    "Account notice: unusual sign-in from a new device. Secure your account within {hours} hours: {url}",
    "Boss here. In a meeting, can't talk. Need you to buy {count} gift cards for a client. Reply when done.",
    "Get the {gadget} everyone wants for just 1 pound today! Only {count} left in stock. Order at {url}",
    "Free {service} for a year for the first 100 who reply. Don't miss it! {optout}",
    "Hello dear, I have a business proposal worth {amount}. Reply for details, it is completely safe.",
    "Your tax refund of {refund} has been approved. Enter your details at {url} to receive it.",
    "Last chance! {big_prize} is waiting for you. Call {phone} before midnight. {optout}",
    "Hey it's {romance_name} from the gym, we lost touch! I have an amazing opportunity for you, can I call?",
    "{urgent}: your {service} account will be {threat} in {hours} hours. Log in to stop this: {url}",
    "Part-time job offer: {job}, {pounds} per hour, paid daily. Message us on WhatsApp to apply.",
    "Your energy bill was overcharged. Get {refund} back today with one quick call: {phone}",
    "Customs charge of {fee} is due on your delivery from {courier}. It will be returned unless paid: {url}",
    "Grandma it's me, I'm in trouble and need {amount} fast. Please don't tell anyone, I'll call you soon.",
    "You have {count} unread messages from local singles. Reply NOW to read them. {optout}",
    "Your loan of up to {amount} is pre-approved, no credit checks. Money in {minutes} minutes: {url}",
    "Thank you for shopping with {company}. You've earned a {pounds} reward, claim it at {url}",
    "We noticed you haven't claimed your {company} cashback of {refund}. It expires in {hours} hours.",
    "Good day, I am a banker and I found an unclaimed account of {amount} linked to your surname.",
    "Hi, are you still looking for work? We need people for {job}, {amount} a month, start {when}.",
    "{company} security team: please reply with the 6 digit code we just sent to confirm it's you.",
    "Exclusive deal just for you: 80% off every {gadget} this weekend. Shop at {url} {optout}",
    "Well done! Our survey picked you for {big_prize}. Answer 3 questions at {url} to claim.",
    "Dear user, your mailbox is full. Emails will be {threat}. Upgrade now: {url}",
    "This is your final notice about the fine for your vehicle. Pay {pounds} now at {url} to avoid court.",
    "I got your number from a friend. I'm {romance_name}, new in town, would you like to meet for a drink?",
    "Your {service} free trial ends today. {pounds}.99 will be taken monthly unless you cancel at {url}",
    "Join the VIP group and copy the trades of the experts. Members made {amount} this week alone.",
    "Congratulations from {company}! You're our lucky customer of the month. Call {phone} to hear your prize.",
    "A family member sent you a secret gift. Enter your card details at {url} to open it.",
    "Get paid {pounds} per review! Test products at home and keep them. Reply JOIN.",
    "Your recent order of a {gadget} for {refund} is confirmed. Not you? Call {phone} to cancel.",
    "Hello, this is {company} support. Your device is infected. Download our app to remove the virus.",
    "Don't miss your {big_prize}! Just cover the {fee} delivery and it's yours. {optout}",
    "Your pension may be owed {amount}. Check in 30 seconds at {url}",
    "Hi, your cousin gave me your number. I have a great deal on a {gadget}, only {pounds} cash. Interested?",
    "Still waiting for your reply about the {amount} payout. Please confirm your bank so we can send it.",
    "You've been chosen to test the new {gadget}! Keep it for free. Claim code {code} at {url}",
    "{courier} alert: the driver could not find the address on the label. Update it and pay {fee} at {url}",
    "Dating just got easy. Meet the {count} people near you who want to chat tonight. {optout}",
    "Hey stranger, it's {romance_name}! Remember me? I made {amount} with {scheme}, I can show you how.",
    "Your student grant of {refund} is waiting. Confirm eligibility before {weekday}: {url}",
    "Claim your free {gadget} with code {code}. Hurry, offer ends {when}. {optout}",
    "Your {service} account shows a failed payment. Avoid losing your data, update your card: {url}",
    "Hi, {romance_name} here! I got this number from the group chat, are you the one who sells bikes?",
    "Limited time: {company} are giving away {big_prize} to {count} lucky customers this week. Enter at {url}",
    "Your parcel from {courier} is waiting at the depot. Storage fees start {when}. Release it here: {url}",
    "{bank} notice: we have put a hold on your account. Call {phone} to remove it.",
    "Work from your phone! Just {minutes} minutes a day doing {job} and earn {pounds} per task.",
    "Hello my friend, I have a gift of {amount} for you but the bank needs a small release fee first.",
    "Re: your refund. The amount of {refund} is ready, we only need to confirm your card ending.",
    "You have been chosen for a free {gadget}. Just tell us where to send it and cover {fee} shipping.",
    "Exclusive: lose 10kg before summer with our tablets. {count} bottles for the price of one. {optout}",
    "Someone has sent you money! Accept the {pounds} transfer now or it will be returned: {url}",
    "Hey! Long time. Are you still in town? I have something exciting to show you, it's about {scheme}.",
    "Your number has a pending prize of {amount}. To release it call {phone} and quote {code}.",
    "{courier}: customs needs your ID to release your parcel. Reply with your date of birth.",
    "Mum it's me, new phone. The old one is in the sea lol. Can you help me pay my rent {when}?",
    "Your account login from a new place was blocked. If this wasn't you, secure it now: {url}",
    "Refer 3 friends and get {big_prize}! Sign up at {url} {optout}",
    "We are hiring! {job} from home, {amount} a month, no interview. Send your name and age.",
    "Congratulations, you have won the {company} monthly raffle! Collect your {big_prize} at {url}",
    "Important: your {service} plan price will go up. Lock in your old price today at {url}",
    "Sorry for the late reply! Was the {gadget} still available? I can send money by bank today.",
    "I'm {romance_name}, a nurse working overseas. I feel we have a connection. Can we chat on WhatsApp?",
    "Your council tax rebate of {refund} is waiting. Apply before {weekday}: {url}",
    "Double your savings in {count} weeks with {scheme}. My cousin did, no risk at all.",
    "{urgent}: your home broadband will be cut off {when}. Pay the outstanding {pounds} at {url}",
    "Thank you for your purchase of a {gadget} for {refund}. To dispute this charge call {phone}.",
    "You're invited! Free VIP entry to our casino tonight plus {pounds} free bets. {optout}",
    "This number won {big_prize} in our draw. Text back your full name and address to claim.",
    "Your {bank} savings are at risk. Move them to a safe account today, our agent will call you.",
    "Want a brand new kitchen for free? Local homeowners are getting government grants. Reply YES.",
    "Your {service} subscription was renewed for {refund}. Not expected? Cancel within {hours} hours: {url}",
    "A driver from {courier} is outside but cannot find your door. Pay {fee} to rebook: {url}",
    "Hello, this is the fraud team. Please read us the code we just sent you so we can stop the payment.",
    "Looking for love? {romance_name}, 34, is online near you now. Reply HI to chat. {optout}",
    "Cash loans today, even if the bank said no. Up to {amount}, money in {minutes} minutes.",
    "Your pension company has changed. Update your details at {url} or your payments will stop.",
    "We found {count} unused vouchers on your account worth {pounds} each. Redeem them at {url}",
    "Hi dear, my son is sick and I need {amount} for hospital bills. Please help, God bless you.",
    "Your energy smart meter is faulty. Book a free replacement at {url} or face higher bills.",
    "{bank} here. Someone just set up a transfer of {refund} from your savings. Not you? Ring {phone} straight away.",
]

TEMPLATES = {"ham": HAM, "spam": SPAM}


# ---------------------------------------------------------------------------
# Every slot has a filler: checked when the file loads
# ---------------------------------------------------------------------------


def slot_names(template):
    """The template's slot names in order of first appearance (a list: a set's order changes between runs)."""
    return list(dict.fromkeys(field for _, field, _, _ in string.Formatter().parse(template) if field))


def check_templates():
    """Raise if a template names a slot nothing fills, or two templates of a class are the same."""
    known = set(WORDS) | set(NUMBERS)
    for label, templates in TEMPLATES.items():
        if len(set(templates)) != len(templates):
            raise ValueError(f"a {label} template appears twice")
        for template in templates:
            unknown = set(slot_names(template)) - known
            if unknown:
                raise ValueError(f"{label} template {template!r} names slots nothing fills: {sorted(unknown)}")


check_templates()


# ---------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------


def fill(rng, template):
    """Fill each {slot} of a template from its word list or number maker."""
    values = {}
    for name in slot_names(template):
        values[name] = NUMBERS[name](rng) if name in NUMBERS else rng.choice(WORDS[name])
    text = template.format(**values)
    text = re.sub(r"  +", " ", text).strip()   # an empty {optout} leaves a double space
    text = re.sub(r"\b([Aa]) (?=[aeiou])", r"\1n ", text)   # "a air fryer" -> "an air fryer"
    text = re.sub(r"(?<!\.)([.!?]) ([a-z])", lambda m: f"{m[1]} {m[2].upper()}", text)   # a capital after . ! ?
    return text[0].upper() + text[1:]


def templates_by_split(label):
    """Template j of a class belongs to the split the rule gives position j."""
    chosen = {"train": [], "valid": [], "test": []}
    for j, template in enumerate(TEMPLATES[label]):
        chosen[split_of(j)].append(template)
    return chosen


def messages_for(rng, label, per_class=PER_CLASS):
    """per_class distinct messages of one class, each at a position whose split is its template's split."""
    pools = templates_by_split(label)
    turns = {split: 0 for split in pools}     # templates of a split are used in turn, so all are used evenly
    seen, messages = set(), []
    for k in range(per_class):
        split = split_of(k)
        while True:   # a repeat moves on to the next template of the split
            template = pools[split][turns[split] % len(pools[split])]
            text = fill(rng, template)
            turns[split] += 1
            if text not in seen:
                break
        seen.add(text)
        messages.append(text)
    return messages


def generate(seed=SEED, per_class=PER_CLASS):
    """The whole file: ham and spam alternating, one `label<TAB>text` line each."""
    rng = SplitMix64(seed)
    by_label = {label: messages_for(rng, label, per_class) for label in LABELS}
    lines = [f"{label}\t{by_label[label][k]}" for k in range(per_class) for label in LABELS]
    return "\n".join(lines) + "\n"


def main(argv=None):
    return command_line(argv, __doc__.splitlines()[0], generate, SEED, OUTPUT_PATH,
                        lambda text: f"wrote {text.count(chr(10))} messages to {os.path.normpath(OUTPUT_PATH)}")


if __name__ == "__main__":
    sys.exit(main())

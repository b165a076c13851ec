"""The demo survey's texts in Polish, as an officer of the partnership would enter them.

Keyed by the English text, so one translation serves every place the text appears (the safety
scale is shared by two questions, "Yes" by several). Area names are towns: they stay as they are.
"""
from consult.models import Translation
from consult.services.consultations.translations import texts_to_translate

LANGUAGE = "pl"

POLISH = {
    # The consultation
    "Community safety survey": "Ankieta o bezpieczeństwie w Twojej okolicy",
    "Tell us how safe you feel where you live and what would make it safer.":
        "Powiedz nam, jak bezpiecznie czujesz się tam, gdzie mieszkasz, i co poprawiłoby bezpieczeństwo.",
    (
        "The Community Safety Partnership sets its priorities for the next three years this winter. "
        "Your answers help us decide where to put police patrols, youth work, street lighting and "
        "support services, and which problems to tackle first in each town."
    ): (
        "Tej zimy Partnerstwo na rzecz Bezpieczeństwa Społeczności ustala swoje priorytety na najbliższe "
        "trzy lata. Twoje odpowiedzi pomogą nam zdecydować, gdzie kierować patrole policji, pracę z "
        "młodzieżą, oświetlenie ulic i usługi wsparcia oraz którymi problemami zająć się najpierw w każdym mieście."
    ),
    (
        "Community officers read every answer. The partnership board sees summaries by town and by "
        "theme, and short quotes with names, addresses and other personal details removed. If "
        "something you write suggests someone is at risk, an officer may pass it on to the right service."
    ): (
        "Pracownicy ds. społeczności czytają każdą odpowiedź. Zarząd partnerstwa widzi podsumowania według "
        "miast i tematów oraz krótkie cytaty bez imion, adresów i innych danych osobowych. Jeśli z Twojej "
        "odpowiedzi wynika, że ktoś jest w niebezpieczeństwie, pracownik może przekazać ją właściwej służbie."
    ),
    # Questions, hints and messages
    "How safe do you feel in your area during the day?": "Jak bezpiecznie czujesz się w swojej okolicy w ciągu dnia?",
    "How safe do you feel in your area after dark?": "Jak bezpiecznie czujesz się w swojej okolicy po zmroku?",
    "Select how safe you feel after dark": "Wybierz, jak bezpiecznie czujesz się po zmroku",
    "Which of these problems affect your area?": "Które z tych problemów dotyczą Twojej okolicy?",
    "Select all that apply.": "Zaznacz wszystkie, które pasują.",
    "How much do you agree: the police deal with the issues that matter in my area":
        "Na ile się zgadzasz: policja zajmuje się sprawami, które są ważne w mojej okolicy",
    "How much do you agree: the council and police work well together to tackle crime and antisocial behaviour":
        "Na ile się zgadzasz: rada i policja dobrze współpracują w walce z przestępczością i zachowaniami aspołecznymi",
    "Have you been a victim of crime or antisocial behaviour in the last 12 months?":
        "Czy w ciągu ostatnich 12 miesięcy padłeś(-aś) ofiarą przestępstwa lub zachowania aspołecznego?",
    "Did you report it?": "Czy to zgłosiłeś(-aś)?",
    "What worries you most about safety where you live?": "Co najbardziej niepokoi Cię w kwestii bezpieczeństwa tam, gdzie mieszkasz?",
    "For example a place, a time of day or something that keeps happening.":
        "Na przykład miejsce, pora dnia lub coś, co ciągle się powtarza.",
    "What one thing would make your area safer?": "Jaka jedna rzecz sprawiłaby, że Twoja okolica byłaby bezpieczniejsza?",
    "Which area do you live in?": "W której okolicy mieszkasz?",
    "This helps us see what matters in each town.": "Dzięki temu widzimy, co jest ważne w każdym mieście.",
    # Choices
    "Very safe": "Bardzo bezpiecznie",
    "Fairly safe": "Raczej bezpiecznie",
    "Neither safe nor unsafe": "Ani bezpiecznie, ani niebezpiecznie",
    "Fairly unsafe": "Raczej niebezpiecznie",
    "Very unsafe": "Bardzo niebezpiecznie",
    "Don't know": "Nie wiem",
    "Strongly agree": "Zdecydowanie się zgadzam",
    "Agree": "Zgadzam się",
    "Neither agree nor disagree": "Ani się zgadzam, ani nie zgadzam",
    "Disagree": "Nie zgadzam się",
    "Strongly disagree": "Zdecydowanie się nie zgadzam",
    "Antisocial behaviour": "Zachowania aspołeczne",
    "Drug dealing or drug use": "Handel lub zażywanie narkotyków",
    "Drunk or rowdy behaviour": "Pijaństwo lub awantury",
    "Speeding or dangerous driving": "Nadmierna prędkość lub niebezpieczna jazda",
    "Violence against women and girls": "Przemoc wobec kobiet i dziewcząt",
    "Domestic abuse": "Przemoc domowa",
    "Hate crime": "Przestępstwa z nienawiści",
    "Knife crime or serious violence": "Przestępstwa z użyciem noża lub poważna przemoc",
    "Sexual abuse or exploitation": "Wykorzystywanie seksualne",
    "People reoffending after prison": "Ponowne przestępstwa osób po wyjściu z więzienia",
    "None of these": "Żadne z tych",
    "Yes": "Tak",
    "No": "Nie",
    "Prefer not to say": "Wolę nie mówić",
    "Yes, to the police": "Tak, na policję",
    "Yes, to the council or another organisation": "Tak, do rady lub innej organizacji",
}


def polish_translations(consultation):
    """Translation rows for every text of `consultation` the demo has in Polish."""
    return [
        Translation(consultation_id=consultation.id, language=LANGUAGE, key=text.key, text=POLISH[text.english])
        for text in texts_to_translate(consultation)
        if text.english in POLISH
    ]

package render

import "strings"

// polishCommon are the common Polish words, in lower case, that a company's
// text after a colon may start with and that afterColon lowers: the
// prepositions, conjunctions, pronouns and particles a sentence opens with,
// and the verbs and nouns of the instructions companies write there ("how
// consent is withdrawn": "Wystarczy kliknąć link", "Kliknij link
// rezygnacji", "Link w każdym e-mailu", "Usuń datę urodzenia"), and the
// head nouns of purpose names set after "w celu:" ("Newsletter",
// "Realizacja zamówień"; lowerInSentence). A word that is also a frequent name on its own ("Allegro", "Plus", "Play",
// "Ruch", "Poczta") is left out: it keeps its capital. Every word here must
// be known in lower case to the Polish dictionary
// (TestPolishCommonWordsAreCommon). The dictionary itself cannot be the
// rule: it knows many names in lower case as common words too ("warszawa",
// a car; "biedronka", a ladybird; "kraków", of "krak"), and Basis does not
// ship it.
var polishCommon = wordSet(`
a aby albo ale bez bo by bądź czy dla do gdy i jeśli jeżeli jednak kiedy lub
na nad natomiast o od oraz po pod ponieważ poprzez przez przy u w we według
wobec wraz z za zatem ze żeby więc

ten ta to te tę tego tej tym tych który która które którym każdy każda
każde każdego każdej każdym wszystkie wszystkich nasz nasza nasze naszą
naszego naszej naszym naszych swój swoja swoje swoją swojego swojej jeden
jedna jedno jednym jedną

nie tylko także również też wystarczy wystarczą można należy trzeba prosimy
zawsze wyłącznie jedynie najpierw następnie potem teraz tutaj tu tam wtedy
bezpłatnie osobiście telefonicznie pisemnie elektronicznie listownie
natychmiast niezwłocznie zgodnie

kliknij kliknąć klikając napisz napisać pisząc wyślij wysłać wysyłając
odpowiedz odpowiedzieć odpowiadając zadzwoń zadzwonić dzwoniąc skontaktuj
skontaktować zaloguj zalogować wejdź wejść użyj użyć korzystając wybierz
wybrać zmień zmienić odznacz odznaczyć odznaczając zaznacz zaznaczyć
zaznaczając usuń usunąć wypełnij wypełnić przejdź przejść złóż złożyć zgłoś
zgłosić wycofaj wycofać wypisz wypisać zrezygnuj zrezygnować wysyłamy
usuwamy przechowujemy informujemy

link linku linkiem odnośnik odnośnika odnośnikiem przycisk przyciskiem
formularz formularza formularzem wiadomość wiadomości wiadomością e-mail
e-maila e-mailem mail maila mailem adres adresu ustawienia ustawieniach
konto koncie kontakt rezygnacja rezygnację rezygnacji wypisanie zgłoszenie
oświadczenie wniosek żądanie zgoda zgodę zgody list listem pismo pismem
telefon telefonu telefonicznego

newsletter marketing reklama promocje oferta oferty realizacja obsługa
program rekrutacja analityka rozliczenia księgowość wysyłka dostawa ankieta
ankiety konkurs rejestracja zamówienia sprzedaż badanie badania statystyki
informacje powiadomienia przypomnienia promocja reklamacje rezerwacja
rezerwacje zamówienie płatności fakturowanie windykacja monitoring
personalizacja profilowanie prowadzenie zarządzanie przesyłanie dochodzenie
`)

// wordSet is the set of the words in s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""browser.py: the web interview in headless Chromium, keyboard only.

Run by tests/browser.sh with the server's URL and a scratch directory.
A whole interview in English (with Back, and a change from the recap) and
one in Spanish, every control reached with Tab and used with Space, Enter
and typing; the focus must be visible; the result must print on one or two
pages with the answers and the sources and without the forms.  Speaks TAP.
"""
import base64
import os
import sys
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

URL = sys.argv[1]
WORK = sys.argv[2]
SHOTS = os.environ.get("PENAL_SCREENSHOTS")


PROFILES = []


def browser(language, width=1000, height=1300):
    """A fresh Chromium, with a profile of its own."""
    PROFILES.append(language)
    profile = os.path.join(WORK, "profile-%d" % len(PROFILES))
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-quic", "--no-first-run",
                 "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage",
                 "--user-data-dir=" + profile,
                 "--window-size=%d,%d" % (width, height),
                 "--lang=" + language):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"intl.accept_languages": language})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"),
                              options=options)
    driver.set_page_load_timeout(60)
    return driver


def active(driver):
    return driver.switch_to.active_element


def tab_to(driver, matches, what):
    """Presses Tab until the focused element matches; the page is used
    from the keyboard alone, as a person without a mouse would."""
    for _ in range(60):
        element = active(driver)
        if matches(element):
            style = driver.execute_script(
                "var s = getComputedStyle(arguments[0]);"
                "return [s.outlineStyle, s.outlineWidth, s.boxShadow];",
                element)
            assert style[0] != "none" or style[2] != "none", \
                "no visible focus on " + what
            return element
        element.send_keys(Keys.TAB)
    raise AssertionError("Tab never reached " + what)


def press(driver, element, key):
    html = driver.find_element(By.TAG_NAME, "html")
    element.send_keys(key)
    WebDriverWait(driver, 60).until(expected_conditions.staleness_of(html))


def is_button(value):
    return lambda e: e.tag_name == "button" and e.get_attribute("value") == value


def current_fact(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "input[name=fact]")
    return found[0].get_attribute("value") if found else None


def answer(driver, value):
    """Answers the question on the page with the keyboard: a choice is
    reached with Tab and chosen with Space, a text typed; then Next."""
    radios = driver.find_elements(By.CSS_SELECTOR, "input[type=radio]")
    if radios:
        tab_to(driver, lambda e: e.get_attribute("type") == "radio",
               "the first choice")
        # Arrow keys move within a group of radios, and select as they go.
        for _ in range(len(radios)):
            if active(driver).get_attribute("value") == value:
                break
            active(driver).send_keys(Keys.ARROW_DOWN)
        assert active(driver).get_attribute("value") == value, value
        active(driver).send_keys(Keys.SPACE)
        assert active(driver).is_selected()
    else:
        field = tab_to(driver, lambda e: e.get_attribute("id") == "answer",
                       "the answer field")
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)
        field.send_keys(value)
    press(driver, tab_to(driver, is_button("answer"), "Next"), Keys.ENTER)


def shot(driver, name):
    if SHOTS:
        driver.save_screenshot(os.path.join(SHOTS, name))


def test_english(driver):
    driver.get(URL + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute(
        "lang") == "en"
    assert "What is the person charged with?" in driver.page_source
    # "What does this mean?" opens from the keyboard.
    summary = tab_to(driver, lambda e: e.tag_name == "summary",
                     "What does this mean?")
    summary.send_keys(Keys.ENTER)
    assert "as the charging papers name it" in driver.find_element(
        By.CSS_SELECTOR, "details.help").text
    answer(driver, "patronizing")
    assert current_fact(driver) == "offense_date"
    answer(driver, "2024-05-01")
    assert current_fact(driver) == "victim_age"
    answer(driver, "30")
    assert current_fact(driver) == "prior_prostitution_offenses"
    # Back: the age again, with the answer given filled in; change it.
    press(driver, tab_to(driver, is_button("back"), "Back"), Keys.ENTER)
    assert current_fact(driver) == "victim_age"
    assert driver.find_element(By.ID, "answer").get_attribute("value") == "30"
    answer(driver, "16")
    answer(driver, "0")
    # The recap; change the date from it.
    assert "Check your answers" in driver.page_source
    assert "1 May 2024" in driver.page_source
    shot(driver, "serve-recap.png")
    press(driver, tab_to(driver, is_button("change:offense_date"),
                         "Change the date"), Keys.ENTER)
    assert current_fact(driver) == "offense_date"
    answer(driver, "2016-06-01")
    assert "Check your answers" in driver.page_source
    assert "1 June 2016" in driver.page_source
    press(driver, tab_to(driver, is_button("result"), "See the result"),
          Keys.ENTER)
    text = driver.find_element(By.TAG_NAME, "main").text
    # RSMo 567.030.3 as in force in 2016 (seed 004; Columbia Missourian,
    # 2017): an individual patronized aged 15 to 17 made patronizing a
    # class A misdemeanor.
    assert ("Patronizing prostitution: class A misdemeanor "
            "[RSMo 567.030.3].") in text, text
    for part in ("In short", "The details", "Sources", "not legal advice",
                 "Your answers", "Screened on"):
        assert part in text, part
    shot(driver, "serve-result.png")
    return driver


def test_print(driver):
    """The result as printed: one or two pages, the answers, the result
    and the sources, and none of the page's forms."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    for hidden in ("header.site", "form.after", "footer"):
        for element in driver.find_elements(By.CSS_SELECTOR, hidden):
            assert not element.is_displayed(), hidden + " is printed"
    for shown in ("section.your-answers", "section.in-short",
                  "section.details", "section.sources"):
        assert driver.find_element(By.CSS_SELECTOR, shown).is_displayed()
    shot(driver, "serve-print.png")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(driver.execute_cdp_cmd(
        "Page.printToPDF", {"printBackground": False})["data"])
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    if pages <= 0:
        pages = pdf.count(b"/Type/Page") - pdf.count(b"/Type/Pages")
    assert 1 <= pages <= 2, "the result prints on %d pages" % pages


def test_spanish(driver):
    driver.get(URL + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute(
        "lang") == "es"
    assert "¿" in driver.find_element(By.TAG_NAME, "h1").text
    shot(driver, "serve-question-es.png")
    answers = {"offense": "prostitution", "offense_date": "2024-05-01",
               "knew_hiv": "no", "defendant_age": "30",
               "prior_prostitution_offenses": "0"}
    for _ in range(10):
        fact = current_fact(driver)
        if fact is None:
            break
        answer(driver, answers[fact])
    assert "Revise sus respuestas" in driver.page_source
    press(driver, tab_to(driver, is_button("result"), "Ver el resultado"),
          Keys.ENTER)
    text = driver.find_element(By.TAG_NAME, "main").text
    for part in ("En resumen", "Los detalles", "Fuentes",
                 "no asesoría legal", "Sus respuestas"):
        assert part in text, part
    assert "In short" not in text
    # The switch: the same result in English, the answers kept.
    press(driver, tab_to(driver, lambda e: e.get_attribute("value") == "en"
                         and e.get_attribute("name") == "lang", "English"),
          Keys.ENTER)
    assert "In short" in driver.find_element(By.TAG_NAME, "main").text


def test_phone(driver):
    """One column on a phone: nothing wider than the screen."""
    driver.get(URL + "/")
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth > window.innerWidth;")
    assert not overflow, "the page is wider than a phone's screen"
    shot(driver, "serve-question.png")


def main():
    tests = [("a whole interview in English, keyboard only, with Back and "
              "a change from the recap", "en", test_english, None),
             ("the print view of the result", "en", None, test_print),
             ("a whole interview in Spanish, and the language switch", "es",
              test_spanish, None),
             ("readable on a phone", "en-phone", test_phone, None)]
    print("1..%d" % len(tests))
    failed = False
    english = None
    for number, (name, language, test, follow_up) in enumerate(tests, 1):
        driver = None
        try:
            if follow_up is not None:
                if english is None:
                    raise AssertionError("the English interview failed")
                follow_up(english)
            elif language == "en-phone":
                driver = browser("en", 412, 915)
                test(driver)
            else:
                driver = browser(language)
                test(driver)
                if language == "en":
                    english, driver = driver, None
            print("ok %d - %s" % (number, name))
        except Exception:  # a failed test is reported, and the next runs
            failed = True
            print("not ok %d - %s" % (number, name))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        finally:
            if driver is not None:
                driver.quit()
    if english is not None:
        english.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
